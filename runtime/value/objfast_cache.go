package value

import "sync/atomic"

// classEpoch counts the changes made to class dictionaries once the
// classes exist (SetAttr and DelAttr on a class): what a class's MRO
// holds, cached in its hooks, is valid while the count is unchanged.
var classEpoch atomic.Uint64

// hooks caches the script methods of a script class's MRO that every
// instance creation or attribute store looks for.
type hooks struct {
	epoch   uint64
	plain   bool  // calling the class makes a plain Instance
	init    Value // __init__ in the script classes of the MRO, or nil
	setattr Value // __setattr__ likewise
	// absent holds names found in no class of the MRO (instance
	// attributes, most often), the last ones looked up; next is where
	// the next one goes.
	absent     [8]string
	absentHash [8]int64
	next       int
}

// classHooks returns the hooks of c, a script class (mutable), up to date.
func (c *Class) classHooks() *hooks {
	epoch := classEpoch.Load()
	if h := c.hooks; h != nil && h.epoch == epoch {
		return h
	}
	k := c
	for k.ctor == nil {
		k = k.Base
	}
	h := &hooks{
		epoch:   epoch,
		plain:   k == ObjectType,
		init:    c.lookupUserHash("__init__", initHash),
		setattr: c.lookupUserHash("__setattr__", setattrHash),
	}
	c.hooks = h
	return h
}

var (
	initHash    = strHash("__init__")
	setattrHash = strHash("__setattr__")
)

// userSetattr returns the script __setattr__ of c's MRO, or nil.
func (c *Class) userSetattr() Value {
	if !c.mutable {
		return c.lookupUserHash("__setattr__", setattrHash)
	}
	return c.classHooks().setattr
}

// attrOf is c.LookupKey(k), remembering for script classes the names
// found nowhere in the MRO.
func (c *Class) attrOf(k Key) Value {
	if !c.mutable {
		return c.lookupHash(k.name, k.h)
	}
	h := c.classHooks()
	for i, ah := range &h.absentHash {
		if ah == k.h && sameStr(h.absent[i], k.name) {
			return nil
		}
	}
	attr := c.lookupHash(k.name, k.h)
	if attr == nil {
		h.absent[h.next], h.absentHash[h.next] = k.name, k.h
		h.next = (h.next + 1) % len(h.absent)
	}
	return attr
}
