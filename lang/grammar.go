package lang

import "github.com/alecthomas/participle/v2/lexer"

// This file is the participle grammar. Its structs mirror the concrete
// syntax; convert.go turns them into the AST of ast.go. Binary operators are
// parsed as a flat sequence and arranged by precedence during conversion.

type gFile struct {
	Stmts []*gStmt `parser:"@@*"`
}

type gStmt struct {
	Compound *gCompound `parser:"  @@"`
	Simple   *gSimple   `parser:"| @@"`
}

type gBlock struct {
	Pos    lexer.Position
	Stmts  []*gStmt `parser:"  Newline Indent @@+ Dedent"`
	Simple *gSimple `parser:"| @@"`
}

type gSimple struct {
	Small []*gSmall `parser:"@@ ( ';' @@ )* ';'? Newline"`
}

type gSmall struct {
	Pos      lexer.Position
	Pass     bool         `parser:"  @'pass'"`
	Break    bool         `parser:"| @'break'"`
	Continue bool         `parser:"| @'continue'"`
	Return   *gReturn     `parser:"| @@"`
	Raise    *gRaise      `parser:"| @@"`
	Global   []string     `parser:"| 'global' @Name ( ',' @Name )*"`
	Nonlocal []string     `parser:"| 'nonlocal' @Name ( ',' @Name )*"`
	Del      *gExprList   `parser:"| 'del' @@"`
	Assert   *gAssert     `parser:"| @@"`
	Import   []*gAlias    `parser:"| 'import' @@ ( ',' @@ )*"`
	From     *gImportFrom `parser:"| @@"`
	Expr     *gExprStmt   `parser:"| @@"`
}

type gReturn struct {
	X *gExprList `parser:"'return' @@?"`
}

type gRaise struct {
	Exc   *gTest `parser:"'raise' ( @@"`
	Cause *gTest `parser:"( 'from' @@ )? )?"`
}

type gAssert struct {
	Test *gTest `parser:"'assert' @@"`
	Msg  *gTest `parser:"( ',' @@ )?"`
}

type gAlias struct {
	Pos  lexer.Position
	Name string `parser:"@Name ( @'.' @Name )*"`
	As   string `parser:"( 'as' @Name )?"`
}

type gImportFrom struct {
	Module string    `parser:"'from' @( '.' | '...' )* @( Name ( '.' Name )* )? 'import'"`
	Star   bool      `parser:"( @'*'"`
	Names  []*gAlias `parser:"| '(' @@ ( ',' @@ )* ','? ')' | @@ ( ',' @@ )* )"`
}

type gExprStmt struct {
	Pos    lexer.Position
	X      *gYieldOrList   `parser:"@@"`
	AugOp  string          `parser:"( @( '+=' | '-=' | '*=' | '/=' | '//=' | '%=' | '**=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '@=' )"`
	Aug    *gYieldOrList   `parser:"  @@"`
	Annot  *gTest          `parser:"| ':' @@"`
	AnnVal *gYieldOrList   `parser:"  ( '=' @@ )?"`
	Values []*gYieldOrList `parser:"| ( '=' @@ )+ )?"`
}

type gYieldOrList struct {
	Yield *gYield    `parser:"  @@"`
	List  *gExprList `parser:"| @@"`
}

type gYield struct {
	Pos  lexer.Position
	From *gTest     `parser:"'yield' ( 'from' @@ )?"`
	X    *gExprList `parser:"@@?"`
}

type gExprList struct {
	Pos   lexer.Position
	Items []*gStarOrTest `parser:"@@ ( ',' @@ )*"`
	Comma bool           `parser:"@','?"`
}

type gStarOrTest struct {
	Pos  lexer.Position
	Star bool   `parser:"@'*'?"`
	X    *gTest `parser:"@@"`
}

type gCompound struct {
	If        *gIf        `parser:"  @@"`
	While     *gWhile     `parser:"| @@"`
	For       *gFor       `parser:"| @@"`
	Try       *gTry       `parser:"| @@"`
	With      *gWith      `parser:"| @@"`
	Def       *gDef       `parser:"| @@"`
	Class     *gClass     `parser:"| @@"`
	Decorated *gDecorated `parser:"| @@"`
	Async     *gAsync     `parser:"| @@"`
}

type gIf struct {
	Pos  lexer.Position
	Cond *gTest   `parser:"'if' @@ ':'"`
	Body *gBlock  `parser:"@@"`
	Elif []*gElif `parser:"@@*"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Pos  lexer.Position
	Cond *gTest  `parser:"'elif' @@ ':'"`
	Body *gBlock `parser:"@@"`
}

type gWhile struct {
	Pos  lexer.Position
	Cond *gTest  `parser:"'while' @@ ':'"`
	Body *gBlock `parser:"@@"`
	Else *gBlock `parser:"( 'else' ':' @@ )?"`
}

type gFor struct {
	Pos    lexer.Position
	Target *gTargetList `parser:"'for' @@"`
	Iter   *gExprList   `parser:"'in' @@ ':'"`
	Body   *gBlock      `parser:"@@"`
	Else   *gBlock      `parser:"( 'else' ':' @@ )?"`
}

type gTargetList struct {
	Pos   lexer.Position
	Items []*gTarget `parser:"@@ ( ',' @@ )*"`
	Comma bool       `parser:"@','?"`
}

type gTarget struct {
	Pos  lexer.Position
	Star bool    `parser:"@'*'?"`
	X    *gPower `parser:"@@"`
}

type gTry struct {
	Pos      lexer.Position
	Body     *gBlock    `parser:"'try' ':' @@"`
	Handlers []*gExcept `parser:"( @@+"`
	Else     *gBlock    `parser:"  ( 'else' ':' @@ )?"`
	Finally  *gBlock    `parser:"  ( 'finally' ':' @@ )? | 'finally' ':' @@ )"`
}

type gExcept struct {
	Pos  lexer.Position
	Type *gTest  `parser:"'except' ( @@"`
	Name string  `parser:"( 'as' @Name )? )? ':'"`
	Body *gBlock `parser:"@@"`
}

type gWith struct {
	Pos    lexer.Position
	Parens []*gWithItem `parser:"'with' ( '(' @@ ( ',' @@ )* ','? ')' ':'"`
	Items  []*gWithItem `parser:"| @@ ( ',' @@ )* ':' )"`
	Body   *gBlock      `parser:"@@"`
}

type gWithItem struct {
	Context *gTest   `parser:"@@"`
	Target  *gTarget `parser:"( 'as' @@ )?"`
}

type gDef struct {
	Pos     lexer.Position
	Name    string    `parser:"'def' @Name '('"`
	Params  []*gParam `parser:"( @@ ( ',' @@ )* ','? )? ')'"`
	Returns *gTest    `parser:"( '->' @@ )?"`
	Body    *gBlock   `parser:"':' @@"`
}

type gParam struct {
	Pos     lexer.Position
	Slash   bool   `parser:"  @'/'"`
	Star    string `parser:"| (?= '*' | '**' | Name) @( '*' | '**' )?"`
	Name    string `parser:"  ( @Name"`
	Annot   *gTest `parser:"    ( ':' @@ )?"`
	Default *gTest `parser:"    ( '=' @@ )? )?"`
}

type gLambdaParam struct {
	Pos     lexer.Position
	Slash   bool   `parser:"  @'/'"`
	Star    string `parser:"| (?= '*' | '**' | Name) @( '*' | '**' )?"`
	Name    string `parser:"  ( @Name"`
	Default *gTest `parser:"    ( '=' @@ )? )?"`
}

type gClass struct {
	Pos  lexer.Position
	Name string  `parser:"'class' @Name"`
	Args []*gArg `parser:"( '(' ( @@ ( ',' @@ )* ','? )? ')' )?"`
	Body *gBlock `parser:"':' @@"`
}

type gDecorated struct {
	Decorators []*gTest    `parser:"( '@' @@ Newline )+"`
	Class      *gClass     `parser:"( @@"`
	Def        *gDef       `parser:"| @@"`
	AsyncTok   lexer.Token `parser:"| @'async'"`
	Async      *gDef       `parser:"  @@ )"`
}

type gAsync struct {
	Pos  lexer.Position
	Def  *gDef  `parser:"'async' ( @@"`
	For  *gFor  `parser:"| @@"`
	With *gWith `parser:"| @@ )"`
}

type gTest struct {
	Pos    lexer.Position
	Lambda *gLambda `parser:"  @@"`
	X      *gOpSeq  `parser:"| @@"`
	Cond   *gOpSeq  `parser:"  ( 'if' @@"`
	Else   *gTest   `parser:"    'else' @@ )?"`
}

type gLambda struct {
	Params []*gLambdaParam `parser:"'lambda' ( @@ ( ',' @@ )* ','? )? ':'"`
	Body   *gTest          `parser:"@@"`
}

// gOpSeq is operands separated by binary operators, each operand with its
// prefix operators.
type gOpSeq struct {
	First *gUnit     `parser:"@@"`
	Rest  []*gBinary `parser:"@@*"`
}

type gBinary struct {
	Op *gOp   `parser:"@@"`
	X  *gUnit `parser:"@@"`
}

type gOp struct {
	Pos lexer.Position
	Op  string `parser:"  @( 'or' | 'and' | 'in' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' )"`
	Not bool   `parser:"| @'not' 'in'"`
	Is  bool   `parser:"| 'is' @'not'?"`
}

type gUnit struct {
	Pos    lexer.Position
	Prefix []*gPrefix `parser:"@@*"`
	X      *gPower    `parser:"@@"`
}

type gPrefix struct {
	Pos lexer.Position
	Op  string `parser:"@( 'not' | '-' | '+' | '~' | 'await' )"`
}

type gPower struct {
	Pos      lexer.Position
	Atom     *gAtom      `parser:"@@"`
	Trailers []*gTrailer `parser:"@@*"`
}

type gTrailer struct {
	Pos   lexer.Position
	Call  bool          `parser:"  @'('"`
	Args  []*gArg       `parser:"  ( @@ ( ',' @@ )* ','? )? ')'"`
	Attr  string        `parser:"| '.' @Name"`
	Index []*gSubscript `parser:"| '[' @@ ( ',' @@ )*"`
	Comma bool          `parser:"  @','? ']'"`
}

type gArg struct {
	Pos  lexer.Position
	Star string      `parser:"@( '*' | '**' )?"`
	Kw   string      `parser:"( @Name '=' )?"`
	X    *gTest      `parser:"@@"`
	Gens []*gCompFor `parser:"@@*"`
}

type gSubscript struct {
	Pos    lexer.Position
	Star   bool   `parser:"@'*'?"`
	Lo     *gTest `parser:"@@?"`
	Colon1 bool   `parser:"( @':'"`
	Hi     *gTest `parser:"  @@?"`
	Colon2 bool   `parser:"  ( @':'"`
	Step   *gTest `parser:"    @@? )? )?"`
}

type gCompFor struct {
	Pos    lexer.Position
	Async  bool         `parser:"@'async'?"`
	Target *gTargetList `parser:"'for' @@"`
	Iter   *gOpSeq      `parser:"'in' @@"`
	Ifs    []*gOpSeq    `parser:"( 'if' @@ )*"`
}

type gAtom struct {
	Pos     lexer.Position
	Name    string     `parser:"  @Name"`
	Int     string     `parser:"| @Int"`
	Float   string     `parser:"| @Float"`
	Strings *gStrings  `parser:"| @@"`
	Const   string     `parser:"| @( 'None' | 'True' | 'False' | '...' )"`
	Paren   bool       `parser:"| ( @'('"`
	Yield   *gYield    `parser:"    ( @@"`
	Elts    *gElts     `parser:"    | @@ )? ')' )"`
	List    bool       `parser:"| ( @'['"`
	ListEls *gElts     `parser:"    @@? ']' )"`
	Brace   bool       `parser:"| ( @'{'"`
	Items   *gBraceEls `parser:"    @@? '}' )"`
}

type gStrings struct {
	Tokens []lexer.Token
	Values []string `parser:"@String+"`
}

// gElts is the inside of a parenthesised or bracketed display.
type gElts struct {
	First *gStarOrTest   `parser:"@@"`
	Gens  []*gCompFor    `parser:"@@*"`
	More  []*gStarOrTest `parser:"( ',' @@ )*"`
	Comma bool           `parser:"@','?"`
}

// gBraceEls is the inside of a dict or set display.
type gBraceEls struct {
	First *gBraceItem   `parser:"@@"`
	Gens  []*gCompFor   `parser:"@@*"`
	More  []*gBraceItem `parser:"( ',' @@ )*"`
	Comma bool          `parser:"@','?"`
}

type gBraceItem struct {
	Pos   lexer.Position
	Star  string `parser:"@( '**' | '*' )?"`
	Key   *gTest `parser:"@@"`
	Value *gTest `parser:"( ':' @@ )?"`
}
