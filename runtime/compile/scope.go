package compile

// scopeKind distinguishes the three kinds of Python scopes.
type scopeKind int

const (
	moduleScope scopeKind = iota
	classScope
	funcScope
)

// symbol flags gathered by the first pass.
const (
	defLocal    = 1 << iota // bound in the scope
	defParam                // a parameter
	defGlobal               // declared global
	defNonlocal             // declared nonlocal
	use                     // referenced
)

// binding says how a name is reached from the code of a scope.
type binding int

const (
	bindGlobal   binding = iota // LOAD_GLOBAL
	bindName                    // LOAD_NAME: class or module namespace
	bindLocal                   // fast slot
	bindDeref                   // cell or free variable
	bindClassRef                // class body reading a free variable: LOAD_CLASSDEREF
)

// scope is one function, lambda, comprehension, class body or module.
type scope struct {
	kind     scopeKind
	parent   *scope
	qualname string
	flags    map[string]int
	order    []string // names in order of first mention

	params   []string // parameters in slot order
	locals   []string // fast slots (function scopes)
	localIdx map[string]int
	cells    []string
	frees    []string
	derefIdx map[string]int // index in cells+frees

	generator bool // contains yield
	async     bool // async def, or comprehension/module using await
	usesClass bool // function mentions super or __class__
	comp      bool // comprehension scope
	topAwait  bool // module with top-level await
}

func newScope(kind scopeKind, parent *scope, name string) *scope {
	s := &scope{kind: kind, parent: parent, flags: map[string]int{}}
	switch {
	case parent == nil || parent.kind == moduleScope:
		s.qualname = name
	case parent.kind == classScope:
		s.qualname = parent.qualname + "." + name
	default:
		s.qualname = parent.qualname + ".<locals>." + name
	}
	return s
}

func (s *scope) note(name string, flag int) {
	f, ok := s.flags[name]
	if !ok {
		s.order = append(s.order, name)
	}
	s.flags[name] = f | flag
}

// bound reports whether the scope itself binds name (a local of the scope).
func (s *scope) bound(name string) bool {
	f := s.flags[name]
	return f&(defLocal|defParam) != 0 && f&(defGlobal|defNonlocal) == 0
}

// lookup says how code in s reaches name.
func (s *scope) lookup(name string) (binding, int) {
	switch s.kind {
	case moduleScope:
		return bindGlobal, 0
	case classScope:
		f := s.flags[name]
		if f&defGlobal != 0 {
			return bindGlobal, 0
		}
		if f&defNonlocal != 0 {
			return bindDeref, s.derefIdx[name]
		}
		if f&defLocal != 0 {
			return bindName, 0
		}
		if i, ok := s.derefIdx[name]; ok && name != "__class__" {
			return bindClassRef, i
		}
		return bindName, 0
	}
	if i, ok := s.derefIdx[name]; ok {
		return bindDeref, i
	}
	if i, ok := s.localIdx[name]; ok {
		return bindLocal, i
	}
	return bindGlobal, 0
}

// addFree makes name a free variable of s (once).
func (s *scope) addFree(name string) {
	for _, n := range s.frees {
		if n == name {
			return
		}
	}
	s.frees = append(s.frees, name)
}

func (s *scope) addCell(name string) {
	for _, n := range s.cells {
		if n == name {
			return
		}
	}
	s.cells = append(s.cells, name)
}

// resolve computes the slots and cells of s and its descendants. It runs
// parents before children; free variables of a child mark cells in the
// scope that binds them and free variables in every scope in between.
func (r *resolver) resolve(s *scope) error {
	if s.kind == funcScope {
		s.localIdx = map[string]int{}
		for _, p := range s.params {
			if _, dup := s.localIdx[p]; !dup {
				s.localIdx[p] = len(s.locals)
				s.locals = append(s.locals, p)
			}
		}
	}
	for _, name := range s.order {
		f := s.flags[name]
		if s.kind == moduleScope {
			if f&defNonlocal != 0 {
				return syntaxError(r.declPos[s][name], "nonlocal declaration not allowed at module level")
			}
			continue
		}
		if f&defNonlocal != 0 {
			if r.provider(s, name) == nil {
				return syntaxError(r.declPos[s][name], "no binding for nonlocal '"+name+"' found")
			}
			r.capture(s, name)
			continue
		}
		if f&defGlobal != 0 || s.kind == classScope {
			continue
		}
		if s.bound(name) {
			if _, ok := s.localIdx[name]; !ok {
				s.localIdx[name] = len(s.locals)
				s.locals = append(s.locals, name)
			}
			continue
		}
		if r.provider(s, name) != nil {
			r.capture(s, name)
		}
	}
	if s.usesClass {
		r.captureClass(s)
	}
	return nil
}

// provider returns the nearest enclosing function scope that binds name,
// or nil when the name is global.
func (r *resolver) provider(s *scope, name string) *scope {
	for p := s.parent; p != nil; p = p.parent {
		switch p.kind {
		case moduleScope:
			return nil
		case classScope:
			continue
		}
		f := p.flags[name]
		if f&defGlobal != 0 {
			return nil
		}
		if p.bound(name) {
			return p
		}
	}
	return nil
}

// capture makes name free in s and every scope up to its provider, where
// it becomes a cell.
func (r *resolver) capture(s *scope, name string) {
	p := r.provider(s, name)
	for q := s; q != p; q = q.parent {
		q.addFree(name)
	}
	p.addCell(name)
}

// captureClass makes __class__ free from s up to the nearest class scope.
func (r *resolver) captureClass(s *scope) {
	q := s
	for ; q != nil && q.kind != classScope; q = q.parent {
		q.addFree("__class__")
	}
	if q != nil {
		q.addCell("__class__")
	}
}

// finish numbers the deref slots of s: cells first, then frees. A name both
// a cell and a free (a class passing a variable through) stays free.
func (s *scope) finish() {
	s.derefIdx = map[string]int{}
	var cells []string
	for _, c := range s.cells {
		free := false
		for _, f := range s.frees {
			free = free || f == c
		}
		if !free {
			cells = append(cells, c)
		}
	}
	s.cells = cells
	for i, n := range s.cells {
		s.derefIdx[n] = i
	}
	for i, n := range s.frees {
		s.derefIdx[n] = len(s.cells) + i
	}
}
