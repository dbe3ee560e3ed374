package lang

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file is the participle grammar of compound statements and blocks.
// Simple statements, expressions, parameter lists, with items and class
// arguments are parsed by the hand-written parser in expr.go and simple.go,
// plugged into the grammar as the node types below, whose Parse methods
// (participle.Parseable, in expr.go) run it; convert.go turns the
// statement structs into the AST of ast.go.

// Nodes the hand-written parser fills.
type (
	testNode   struct{ X Expr }        // a test: lambda, conditional or or-expression
	listNode   struct{ X Expr }        // star expressions: a, *b (a Tuple if there is a comma)
	targetNode struct{ X Expr }        // for-loop targets, up to `in`
	paramsNode struct{ X *Params }     // a def's parameters
	withNode   struct{ X []*WithItem } // a with statement's items
	argsNode   struct{ X *argList }    // a class's parenthesised arguments
	lineNode   struct{ X []Stmt }      // simple statements separated by ';', and NEWLINE
	linesNode  struct{ X []Stmt }      // lines of simple statements
	exceptNode struct{ X Expr }        // the exception type of an except clause
	condNode   struct{ X Expr }        // the condition of if, elif or while
)

type gFile struct {
	Stmts []*gStmt `parser:"@@*"`
}

// gStmt is lines of simple statements or a compound statement. Start
// ends a list of statements at once where no statement can start (at
// DEDENT or EOF). Each compound alternative matches the statement's
// keyword before participle makes the statement's struct, so that failing
// alternatives cost little; participle tries them in order, the most
// common first. Pos is where the statement starts.
type gStmt struct {
	Pos       lexer.Position
	Start     stmtStart   `parser:"@@"`
	Simple    linesNode   `parser:"( @@"`
	If        *gIf        `parser:"| 'if' @@"`
	Def       *gDef       `parser:"| 'def' @@"`
	For       *gFor       `parser:"| 'for' @@"`
	Async     *gAsync     `parser:"| 'async' @@"`
	Try       *gTry       `parser:"| 'try' @@"`
	With      *gWith      `parser:"| 'with' @@"`
	While     *gWhile     `parser:"| 'while' @@"`
	Class     *gClass     `parser:"| 'class' @@"`
	Decorated *gDecorated `parser:"| '@' @@ )"`
}

// stmtStart matches, without reading it, a token that can start a
// statement: one that starts a simple statement, a compound statement's
// keyword (the keywords of gStmt) or a decorator's '@'.
type stmtStart struct{}

// Parse implements participle.Parseable.
func (*stmtStart) Parse(lex *lexer.PeekingLexer) error {
	t := lex.Peek()
	if t.Type == tokKeyword {
		switch t.Value {
		case "if", "def", "for", "async", "try", "with", "while", "class":
			return nil
		}
	}
	if startsSmall(t) || t.Type == tokOp && t.Value == "@" {
		return nil
	}
	return participle.NextMatch
}

type gBlock struct {
	Stmts  []*gStmt `parser:"  Newline Indent @@+ Dedent"`
	Simple lineNode `parser:"| @@"`
}

type gIf struct {
	Cond condNode `parser:"@@ ':'"`
	Body *gBlock  `parser:"@@"`
	Elif []*gElif `parser:"@@*"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Pos  lexer.Position
	Cond condNode `parser:"'elif' @@ ':'"`
	Body *gBlock  `parser:"@@"`
}

type gWhile struct {
	Cond condNode `parser:"@@ ':'"`
	Body *gBlock  `parser:"@@"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gFor struct {
	Target targetNode `parser:"@@"`
	Iter   listNode   `parser:"'in' @@ ':'"`
	Body   *gBlock    `parser:"@@"`
	Else   *gBlock    `parser:"( 'else' ':' @@ )?"`
}

type gTry struct {
	Body     *gBlock     `parser:"':' @@"`
	Handlers []*gExcept  `parser:"@@*"`
	ElseTok  lexer.Token `parser:"( @'else'"`
	Else     *gBlock     `parser:"  ':' @@ )?"`
	Finally  *gBlock     `parser:"( 'finally' ':' @@ )?"`
	EndPos   lexer.Position
}

type gExcept struct {
	Pos  lexer.Position
	Type exceptNode `parser:"'except' ( @@"`
	Name string     `parser:"( 'as' @Name )? )? ':'"`
	Body *gBlock    `parser:"@@"`
}

type gWith struct {
	Items withNode `parser:"@@ ':'"`
	Body  *gBlock  `parser:"@@"`
}

type gDef struct {
	Name    string     `parser:"@Name"`
	Params  paramsNode `parser:"'(' @@ ')'"`
	Returns testNode   `parser:"( '->' @@ )?"`
	Body    *gBlock    `parser:"':' @@"`
}

type gClass struct {
	Name string   `parser:"@Name"`
	Args argsNode `parser:"@@?"`
	Body *gBlock  `parser:"':' @@"`
}

type gDecorated struct {
	Decorators []testNode  `parser:"@@ Newline ( '@' @@ Newline )*"`
	Target     *gDecorable `parser:"@@"`
}

// gDecorable is what decorators apply to; Pos is where it starts.
type gDecorable struct {
	Pos   lexer.Position
	Class *gClass `parser:"  'class' @@"`
	Def   *gDef   `parser:"| 'def' @@"`
	Async *gDef   `parser:"| 'async' 'def' @@"`
}

// gAsync is the rest of a statement starting with async.
type gAsync struct {
	Def  *gDef  `parser:"  'def' @@"`
	For  *gFor  `parser:"| 'for' @@"`
	With *gWith `parser:"| 'with' @@"`
}
