package lang

// maxDepth is how deep statements and expressions may nest: CPython's
// compiler allows three times the recursion limit of 1,000 and raises
// RecursionError past it, in its first pass over the tree (constant
// folding), so before any other check.
const maxDepth = 3000

// depthCount counts the nesting of statements and expressions as
// CPython's constant folder does: one for each statement and expression,
// nothing for parameters, keywords, comprehension clauses or except
// handlers. The symbol-table pass counts with it as it walks the tree.
type depthCount int

// enter counts n, an Expr or Stmt, failing with RecursionError past
// maxDepth; leave undoes it.
func (d *depthCount) enter(n Node) {
	if *d++; *d > maxDepth {
		panic(bailout{&Error{Pos: n.Position(), Kind: "RecursionError", Msg: "maximum recursion depth exceeded during compilation"}})
	}
}

func (d *depthCount) leave() { *d-- }

// checkDepth fails with RecursionError if a statement or expression of
// body lies deeper than maxDepth. It stops at the first such node, so its
// own recursion is bounded.
func checkDepth(body []Stmt) {
	var d depthCount
	var visit func(Node)
	visit = func(n Node) {
		switch n.(type) {
		case Stmt, Expr:
			d.enter(n)
			eachChild(n, visit)
			d.leave()
		default:
			eachChild(n, visit)
		}
	}
	for _, s := range body {
		visit(s)
	}
}
