package lang

import "github.com/alecthomas/participle/v2/lexer"

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

type gStmt struct {
	Simple   lineStmt   `parser:"  @@ Newline"`
	Compound *gCompound `parser:"| @@"`
}

type gBlock struct {
	Stmts  []*gStmt `parser:"  Newline Indent @@+ Dedent"`
	Simple lineStmt `parser:"| @@ Newline"`
}

// gCompound lists the most common statements first: participle tries the
// alternatives in order.
type gCompound struct {
	If        *gIf        `parser:"  @@"`
	Def       *gDef       `parser:"| @@"`
	For       *gFor       `parser:"| @@"`
	Async     *gAsync     `parser:"| @@"`
	Try       *gTry       `parser:"| @@"`
	With      *gWith      `parser:"| @@"`
	While     *gWhile     `parser:"| @@"`
	Class     *gClass     `parser:"| @@"`
	Decorated *gDecorated `parser:"| @@"`
}

type gIf struct {
	Pos  lexer.Position
	Cond condExpr `parser:"'if' @@ ':'"`
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
	Pos  lexer.Position
	Cond condExpr `parser:"'while' @@ ':'"`
	Body *gBlock  `parser:"@@"`
	Else *gBlock  `parser:"( 'else' ':' @@ )?"`
}

type gFor struct {
	Pos    lexer.Position
	Target targetExpr `parser:"'for' @@"`
	Iter   listExpr   `parser:"'in' @@ ':'"`
	Body   *gBlock    `parser:"@@"`
	Else   *gBlock    `parser:"( 'else' ':' @@ )?"`
}

type gTry struct {
	Pos      lexer.Position
	Body     *gBlock     `parser:"'try' ':' @@"`
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
	Pos   lexer.Position
	Items withExpr `parser:"'with' @@ ':'"`
	Body  *gBlock  `parser:"@@"`
}

type gDef struct {
	Pos     lexer.Position
	Name    string     `parser:"'def' @Name"`
	Params  paramsExpr `parser:"'(' @@ ')'"`
	Returns testExpr   `parser:"( '->' @@ )?"`
	Body    *gBlock    `parser:"':' @@"`
}

type gClass struct {
	Pos  lexer.Position
	Name string   `parser:"'class' @Name"`
	Args argsExpr `parser:"@@?"`
	Body *gBlock  `parser:"':' @@"`
}

type gDecorated struct {
	Decorators []testExpr  `parser:"( '@' @@ Newline )+"`
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
