package lang

// targetKind says where a target appears; it selects CPython's message.
type targetKind int

const (
	targetAssign targetKind = iota
	targetAug
	targetAnn
	targetFor
	targetWith
	targetDel
)

// assignTarget checks a target of `target = next`. As CPython does, it
// suggests '==' when both sides are simple expressions and next is the
// last value of the chain.
func (c *converter) assignTarget(x, next Expr, last bool) {
	if !validTarget(x) && last && simpleOperand(x) && startsSimple(next) {
		switch t := x.(type) {
		case *List, *Tuple, *GeneratorExp:
		case *Constant:
			if t.Value != nil && t.Value != true && t.Value != false {
				c.fail(x.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
			}
		default:
			c.fail(x.Position(), "cannot assign to %s here. Maybe you meant '==' instead of '='?", describe(x))
		}
	}
	c.target(x, targetAssign)
}

// validTarget reports whether x is a valid assignment target.
func validTarget(x Expr) bool {
	switch t := x.(type) {
	case *Name, *Attribute, *Subscript:
		return true
	case *Starred:
		return validTarget(t.X)
	case *Tuple:
		return allValid(t.Elts)
	case *List:
		return allValid(t.Elts)
	}
	return false
}

func allValid(xs []Expr) bool {
	for _, x := range xs {
		if !validTarget(x) {
			return false
		}
	}
	return true
}

// simpleOperand reports whether x is what CPython's grammar calls a
// bitwise_or: no comparison, boolean operator, conditional or lambda.
func simpleOperand(x Expr) bool {
	switch t := x.(type) {
	case *Compare, *BoolOp, *IfExp, *Lambda, *Starred:
		return false
	case *UnaryOp:
		return t.Op != Not
	}
	return true
}

// startsSimple reports whether x starts with a bitwise_or operand.
func startsSimple(x Expr) bool {
	switch t := x.(type) {
	case *Compare:
		return startsSimple(t.Left)
	case *BoolOp:
		return startsSimple(t.Values[0])
	case *IfExp:
		return startsSimple(t.Then)
	case *Tuple:
		return len(t.Elts) > 0 && startsSimple(t.Elts[0])
	case *Lambda, *Starred, *Yield, *YieldFrom:
		return false
	case *UnaryOp:
		return t.Op != Not
	}
	return true
}

// target checks that x may be assigned to (or deleted).
func (c *converter) target(x Expr, kind targetKind) {
	switch t := x.(type) {
	case *Name, *Attribute, *Subscript:
		return
	case *Tuple, *List:
		var elts []Expr
		if tu, ok := t.(*Tuple); ok {
			elts = tu.Elts
		} else {
			elts = t.(*List).Elts
		}
		if kind == targetAug {
			c.fail(x.Position(), "'%s' is an illegal expression for augmented assignment", describe(x))
		}
		if kind == targetAnn {
			c.fail(x.Position(), "only single target (not %s) can be annotated", describe(x))
		}
		for _, e := range elts {
			if s, ok := e.(*Starred); ok && kind != targetDel {
				c.target(s.X, kind)
				continue
			}
			c.target(e, kind)
		}
		return
	case *Starred:
		if kind == targetDel {
			c.fail(x.Position(), "cannot delete starred")
		}
		c.fail(x.Position(), "starred assignment target must be in a list or tuple")
	}
	what := describe(x)
	switch kind {
	case targetDel:
		c.fail(x.Position(), "cannot delete %s", what)
	case targetAug:
		c.fail(x.Position(), "'%s' is an illegal expression for augmented assignment", what)
	case targetAnn:
		c.fail(x.Position(), "illegal target for annotation")
	}
	c.fail(x.Position(), "cannot assign to %s", what)
}

// describe names an expression as CPython's messages do.
func describe(x Expr) string {
	switch t := x.(type) {
	case *Constant:
		switch t.Value {
		case nil:
			return "None"
		case true:
			return "True"
		case false:
			return "False"
		case Ellipsis:
			return "ellipsis"
		}
		return "literal"
	case *Call:
		return "function call"
	case *Compare:
		return "comparison"
	case *BinOp, *UnaryOp:
		return "expression"
	case *BoolOp:
		return "expression"
	case *IfExp:
		return "conditional expression"
	case *Lambda:
		return "lambda"
	case *Tuple:
		return "tuple"
	case *List:
		return "list"
	case *Set:
		return "set display"
	case *Dict:
		return "dict literal"
	case *ListComp:
		return "list comprehension"
	case *SetComp:
		return "set comprehension"
	case *DictComp:
		return "dict comprehension"
	case *GeneratorExp:
		return "generator expression"
	case *Await:
		return "await expression"
	case *Yield, *YieldFrom:
		return "yield expression"
	case *JoinedStr:
		return "f-string expression"
	case *Starred:
		return "starred"
	case *Name:
		return "name"
	case *Attribute:
		return "attribute"
	case *Subscript:
		return "subscript"
	}
	return "expression"
}
