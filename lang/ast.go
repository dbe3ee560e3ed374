package lang

import "fmt"

// Pos is a position in a source file. Line and Col count from 1; Col counts
// Unicode code points, as CPython's SyntaxError offsets do.
type Pos struct {
	Filename string
	Line     int
	Col      int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.Filename, p.Line, p.Col) }

// Node is any node of the syntax tree.
type Node interface {
	// Position returns where the node starts.
	Position() Pos
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// File is a parsed source file.
type File struct {
	Name   string
	Source []byte
	Body   []Stmt
}

// ---- Statements ----

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Pos
	X Expr
}

// Assign is `t1 = t2 = ... = value`. Targets holds t1, t2, ... in source order.
type Assign struct {
	Pos
	Targets []Expr
	Value   Expr
}

// AugAssign is `target op= value`; Op is the binary operator (Add for +=).
type AugAssign struct {
	Pos
	Target Expr
	Op     Op
	Value  Expr
}

// AnnAssign is `target: annotation [= value]`. Value may be nil.
type AnnAssign struct {
	Pos
	Target     Expr
	Annotation Expr
	Value      Expr
}

// If is `if Cond: Body else: Else`; an elif chain is an If alone in Else.
type If struct {
	Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// While is `while Cond: Body else: Else`.
type While struct {
	Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// For is `[async] for Target in Iter: Body else: Else`.
type For struct {
	Pos
	Async  bool
	Target Expr
	Iter   Expr
	Body   []Stmt
	Else   []Stmt
}

// Break is `break`.
type Break struct{ Pos }

// Continue is `continue`.
type Continue struct{ Pos }

// Pass is `pass`.
type Pass struct{ Pos }

// Return is `return [Value]`; Value may be nil.
type Return struct {
	Pos
	Value Expr
}

// Global is `global a, b`.
type Global struct {
	Pos
	Names []string
}

// Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	Pos
	Names []string
}

// Params is a parameter list of a def or lambda.
type Params struct {
	PosOnly []*Param // before a `/`
	Params  []*Param // positional-or-keyword
	Vararg  *Param   // *args, or nil
	KwOnly  []*Param // after * or *args
	Kwarg   *Param   // **kwargs, or nil
}

// Param is one parameter. Default and Annotation may be nil.
type Param struct {
	Pos
	Name       string
	Default    Expr
	Annotation Expr
}

// FuncDef is `[async] def Name(Params) [-> Returns]: Body`, with decorators
// listed outermost first. Pos is the position of `def` (or `async`).
type FuncDef struct {
	Pos
	Async      bool
	Name       string
	Params     *Params
	Returns    Expr
	Body       []Stmt
	Decorators []Expr
}

// ClassDef is `class Name(Bases, Keywords): Body`.
type ClassDef struct {
	Pos
	Name       string
	Bases      []Expr
	Keywords   []*Keyword
	Body       []Stmt
	Decorators []Expr
}

// Try is a try statement. Finally may be nil; Handlers may be empty only
// when Finally is not.
type Try struct {
	Pos
	Body     []Stmt
	Handlers []*ExceptHandler
	Else     []Stmt
	Finally  []Stmt
}

// ExceptHandler is `except [Type [as Name]]: Body`. Type is nil for a bare
// except; Name is "" without `as`.
type ExceptHandler struct {
	Pos
	Type Expr
	Name string
	Body []Stmt
}

// Raise is `raise [Exc [from Cause]]`.
type Raise struct {
	Pos
	Exc   Expr
	Cause Expr
}

// Assert is `assert Test[, Msg]`.
type Assert struct {
	Pos
	Test Expr
	Msg  Expr
}

// Del is `del t1, t2`.
type Del struct {
	Pos
	Targets []Expr
}

// With is `[async] with item, item: Body`.
type With struct {
	Pos
	Async bool
	Items []*WithItem
	Body  []Stmt
}

// WithItem is `Context [as Target]`; Target may be nil.
type WithItem struct {
	Context Expr
	Target  Expr
}

// Import is `import a.b as c, d`.
type Import struct {
	Pos
	Names []*Alias
}

// ImportFrom is `from Module import a as b, c`; Names holds a single "*"
// alias for a star import.
type ImportFrom struct {
	Pos
	Module string
	Names  []*Alias
}

// Alias is `Name [as AsName]`; Name may be dotted in an Import.
type Alias struct {
	Pos
	Name   string
	AsName string
}

// ---- Expressions ----

// Name is an identifier.
type Name struct {
	Pos
	ID string
}

// Constant is a literal. Value is one of: nil (None), bool, *big.Int,
// float64, string, or Ellipsis.
type Constant struct {
	Pos
	Value any
}

// EllipsisValue is the Constant.Value of `...`.
type EllipsisValue struct{}

// Ellipsis is the value of the `...` literal.
var Ellipsis = EllipsisValue{}

// JoinedStr is an f-string (possibly implicitly concatenated with plain
// strings). Values are *Constant strings and *FormattedValue parts.
type JoinedStr struct {
	Pos
	Values []Expr
}

// FormattedValue is `{Value!Conversion:Spec}` inside an f-string.
// Conversion is 0, 'r', 's' or 'a'. Spec is nil or a *JoinedStr.
type FormattedValue struct {
	Pos
	Value      Expr
	Conversion rune
	Spec       *JoinedStr
}

// BinOp is `X Op Y` for an arithmetic or bitwise operator.
type BinOp struct {
	Pos
	X  Expr
	Op Op
	Y  Expr
}

// UnaryOp is `Op X` for -, +, ~ and not.
type UnaryOp struct {
	Pos
	Op Op
	X  Expr
}

// BoolOp is `v1 and v2 and ...` or `v1 or v2 or ...` (Op is And or Or).
type BoolOp struct {
	Pos
	Op     Op
	Values []Expr
}

// Compare is a comparison chain `Left Ops[0] Comparators[0] Ops[1] ...`.
type Compare struct {
	Pos
	Left        Expr
	Ops         []Op
	Comparators []Expr
}

// Call is `Func(Args, Keywords)`. A *Starred in Args is `*x`; a Keyword
// with Name "" is `**x`.
type Call struct {
	Pos
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// Keyword is `Name=Value` in a call, or `**Value` when Name is "".
type Keyword struct {
	Pos
	Name  string
	Value Expr
}

// Attribute is `X.Name`.
type Attribute struct {
	Pos
	X    Expr
	Name string
}

// Subscript is `X[Index]`; Index is a *Slice, a *Tuple (for `a[1:2, 3]`)
// or any expression.
type Subscript struct {
	Pos
	X     Expr
	Index Expr
}

// Slice is `Lo:Hi:Step` inside a subscript; each part may be nil.
type Slice struct {
	Pos
	Lo, Hi, Step Expr
}

// Starred is `*X` in a display, call, or assignment target.
type Starred struct {
	Pos
	X Expr
}

// IfExp is `Then if Cond else Else`.
type IfExp struct {
	Pos
	Cond Expr
	Then Expr
	Else Expr
}

// Lambda is `lambda Params: Body`.
type Lambda struct {
	Pos
	Params *Params
	Body   Expr
}

// List is `[Elts]`.
type List struct {
	Pos
	Elts []Expr
}

// Tuple is `(Elts)` or a bare `a, b`.
type Tuple struct {
	Pos
	Elts []Expr
}

// Set is `{Elts}` (never empty).
type Set struct {
	Pos
	Elts []Expr
}

// Dict is `{k: v, **m}`; a nil key marks `**Values[i]`.
type Dict struct {
	Pos
	Keys   []Expr
	Values []Expr
}

// Comprehension is one `[async] for Target in Iter if Ifs...` clause.
type Comprehension struct {
	Pos
	Async  bool
	Target Expr
	Iter   Expr
	Ifs    []Expr
}

// ListComp is `[Elt for ...]`.
type ListComp struct {
	Pos
	Elt  Expr
	Gens []*Comprehension
}

// SetComp is `{Elt for ...}`.
type SetComp struct {
	Pos
	Elt  Expr
	Gens []*Comprehension
}

// DictComp is `{Key: Value for ...}`.
type DictComp struct {
	Pos
	Key   Expr
	Value Expr
	Gens  []*Comprehension
}

// GeneratorExp is `(Elt for ...)`.
type GeneratorExp struct {
	Pos
	Elt  Expr
	Gens []*Comprehension
}

// Await is `await X`.
type Await struct {
	Pos
	X Expr
}

// Yield is `yield [X]`; X may be nil.
type Yield struct {
	Pos
	X Expr
}

// YieldFrom is `yield from X`.
type YieldFrom struct {
	Pos
	X Expr
}

// Op is an operator.
type Op int

// Operators.
const (
	Illegal Op = iota
	// Binary arithmetic and bitwise.
	Add      // +
	Sub      // -
	Mul      // *
	Div      // /
	FloorDiv // //
	Mod      // %
	Pow      // **
	LShift   // <<
	RShift   // >>
	BitOr    // |
	BitXor   // ^
	BitAnd   // &
	// Unary.
	UAdd   // +x
	USub   // -x
	Invert // ~x
	Not    // not x
	// Boolean.
	And // and
	Or  // or
	// Comparison.
	Eq    // ==
	NotEq // !=
	Lt    // <
	LtE   // <=
	Gt    // >
	GtE   // >=
	Is    // is
	IsNot // is not
	In    // in
	NotIn // not in
)

var opNames = [...]string{
	Illegal: "?", Add: "+", Sub: "-", Mul: "*", Div: "/", FloorDiv: "//", Mod: "%",
	Pow: "**", LShift: "<<", RShift: ">>", BitOr: "|", BitXor: "^", BitAnd: "&",
	UAdd: "+", USub: "-", Invert: "~", Not: "not", And: "and", Or: "or",
	Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=",
	Is: "is", IsNot: "is not", In: "in", NotIn: "not in",
}

// String returns the operator as written in source.
func (op Op) String() string {
	if op < 0 || int(op) >= len(opNames) {
		return "?"
	}
	return opNames[op]
}

// Position returns the node's position; every node embeds Pos.
func (p Pos) Position() Pos { return p }

func (*ExprStmt) stmtNode()   {}
func (*Assign) stmtNode()     {}
func (*AugAssign) stmtNode()  {}
func (*AnnAssign) stmtNode()  {}
func (*If) stmtNode()         {}
func (*While) stmtNode()      {}
func (*For) stmtNode()        {}
func (*Break) stmtNode()      {}
func (*Continue) stmtNode()   {}
func (*Pass) stmtNode()       {}
func (*Return) stmtNode()     {}
func (*Global) stmtNode()     {}
func (*Nonlocal) stmtNode()   {}
func (*FuncDef) stmtNode()    {}
func (*ClassDef) stmtNode()   {}
func (*Try) stmtNode()        {}
func (*Raise) stmtNode()      {}
func (*Assert) stmtNode()     {}
func (*Del) stmtNode()        {}
func (*With) stmtNode()       {}
func (*Import) stmtNode()     {}
func (*ImportFrom) stmtNode() {}

func (*Name) exprNode()           {}
func (*Constant) exprNode()       {}
func (*JoinedStr) exprNode()      {}
func (*FormattedValue) exprNode() {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*BoolOp) exprNode()         {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Slice) exprNode()          {}
func (*Starred) exprNode()        {}
func (*IfExp) exprNode()          {}
func (*Lambda) exprNode()         {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Set) exprNode()            {}
func (*Dict) exprNode()           {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
