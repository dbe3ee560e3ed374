package lang

import (
	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// This file is the participle grammar of compound statements and blocks.
// Simple statements, expressions, parameter lists, with items and class
// arguments are parsed by the hand-written parser in expr.go and simple.go,
// plugged into the grammar with participle.ParseTypeWith through the
// interface types below; convert.go turns the statement structs into the
// AST of ast.go.

// Interface types whose values the expression parser produces.
type (
	testExpr   interface{ Expr } // a test: lambda, conditional or or-expression
	listExpr   interface{ Expr } // star expressions: a, *b (a Tuple if there is a comma)
	targetExpr interface{ Expr } // for-loop targets, up to `in`
	paramsExpr interface{ Expr } // a def's parameters, a *paramList
	withExpr   interface{ Expr } // a with statement's items, a *withItems
	argsExpr   interface{ Expr } // a class's parenthesised arguments, an *argList
	lineStmt   interface{ Stmt } // simple statements separated by ';', a *stmtLine
	exceptExpr interface{ Expr } // the exception type of an except clause
	condExpr   interface{ Expr } // the condition of if, elif or while
)

type gFile struct {
	Stmts []*gStmt `parser:"@@*"`
}

// gStmt is a line of simple statements or a compound statement. Start
// ends a list of statements at once where no statement can start (at
// DEDENT or EOF). Each compound alternative matches the statement's
// keyword before participle makes the statement's struct, so that failing
// alternatives cost little; participle tries them in order, the most
// common first. Pos is where the statement starts.
type gStmt struct {
	Pos       lexer.Position
	Start     stmtStart   `parser:"@@"`
	Simple    lineStmt    `parser:"( @@ Newline"`
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
	Simple lineStmt `parser:"| @@ Newline"`
}

type gIf struct {
	Cond condExpr `parser:"@@ ':'"`
	Body *gBlock  `parser:"@@"`
	Elif []*gElif `parser:"@@*"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Pos  lexer.Position
	Cond condExpr `parser:"'elif' @@ ':'"`
	Body *gBlock  `parser:"@@"`
}

type gWhile struct {
	Cond condExpr `parser:"@@ ':'"`
	Body *gBlock  `parser:"@@"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gFor struct {
	Target targetExpr `parser:"@@"`
	Iter   listExpr   `parser:"'in' @@ ':'"`
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
	Type exceptExpr `parser:"'except' ( @@"`
	Name string     `parser:"( 'as' @Name )? )? ':'"`
	Body *gBlock    `parser:"@@"`
}

type gWith struct {
	Items withExpr `parser:"@@ ':'"`
	Body  *gBlock  `parser:"@@"`
}

type gDef struct {
	Name    string     `parser:"@Name"`
	Params  paramsExpr `parser:"'(' @@ ')'"`
	Returns testExpr   `parser:"( '->' @@ )?"`
	Body    *gBlock    `parser:"':' @@"`
}

type gClass struct {
	Name string   `parser:"@Name"`
	Args argsExpr `parser:"@@?"`
	Body *gBlock  `parser:"':' @@"`
}

type gDecorated struct {
	Decorators []testExpr  `parser:"@@ Newline ( '@' @@ Newline )*"`
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
