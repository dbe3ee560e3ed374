package compile

// Opcode is a bytecode operation. "TOS" below is the top of the value
// stack, "TOS1" the item under it.
type Opcode uint8

// Opcodes. The comment gives the stack before → after.
const (
	NOP        Opcode = iota
	POP_TOP           // x →
	COPY              // COPY n: pushes the n-th item from the top (COPY 1 duplicates TOS)
	SWAP              // SWAP n: swaps TOS with the n-th item from the top
	LOAD_CONST        // → Consts[arg]

	LOAD_FAST   // → Locals[arg]
	STORE_FAST  // x →
	DELETE_FAST //
	LOAD_DEREF  // → cell value (deref slot arg)
	STORE_DEREF
	DELETE_DEREF
	LOAD_CLASSDEREF // class body: the namespace first, then the deref slot
	LOAD_GLOBAL     // globals, then builtins
	STORE_GLOBAL
	DELETE_GLOBAL
	LOAD_NAME // class/module namespace, then globals, then builtins
	STORE_NAME
	DELETE_NAME

	LOAD_ATTR     // obj → obj.Names[arg]
	STORE_ATTR    // v obj →
	DELETE_ATTR   // obj →
	BINARY_SUBSCR // x k → x[k]
	STORE_SUBSCR  // v x k →
	DELETE_SUBSCR // x k →
	BUILD_SLICE   // lo hi [step] → slice (arg is 2 or 3)

	BINARY  // x y → x op y (arg is a lang.Op)
	INPLACE // x y → x op= y
	UNARY   // x → op x
	COMPARE // x y → x op y (comparison or membership)
	// BINARY_CONST: x → x Sub consts[arg], for BINARY whose right operand
	// is a constant (LOAD_CONST and BINARY in one dispatch).
	BINARY_CONST

	JUMP              // goto arg
	POP_JUMP_IF_FALSE // x →; goto arg if not x
	POP_JUMP_IF_TRUE  // x →; goto arg if x
	// COMPARE_JUMP_IF_FALSE: x y →; goto arg unless x Sub y (a lang.Op).
	COMPARE_JUMP_IF_FALSE
	COMPARE_JUMP_IF_TRUE // x y →; goto arg if x Sub y
	GET_ITER             // x → iter(x); arg 1 marks a temporary iterable
	FOR_ITER             // it → it next, or → (popped) and goto arg at the end
	POP_ITER             // it →; closes a temporary generator left early

	BUILD_LIST  // x1..xn → list
	BUILD_TUPLE // x1..xn → tuple
	BUILD_SET   // x1..xn → set
	BUILD_MAP   // k1 v1..kn vn → dict
	LIST_APPEND // c ..(arg-1 items).. x → c ..; appends x to the list arg items down
	SET_ADD
	MAP_ADD       // c .. k v → c ..
	LIST_EXTEND   // c .. it → c ..; arg bit CallArgs marks a call's *args
	SET_UPDATE    // c .. it → c ..
	DICT_UPDATE   // c .. m → c ..
	DICT_MERGE    // c .. m → c ..; duplicate keys are an error (calls)
	LIST_TO_TUPLE // list → tuple

	UNPACK_SEQUENCE // seq → x_n .. x_1 (x_1 on top)
	UNPACK_EX       // arg = before | after<<8: seq → after items, list, before items

	CALL          // f a1..an → result
	LOAD_METHOD   // obj → method obj, or → attr nil: obj.Names[arg] for CALL_METHOD
	CALL_METHOD   // method self a1..an → result (self nil: attr a1..an)
	CALL_KW       // f a1..an names → result; arg counts positional and keyword values
	CALL_EX       // f args [kwargs] → result; arg 1 when kwargs present
	MAKE_FUNCTION // [defaults] [kwdefaults] code → function; arg bits 1, 2
	BUILD_CLASS   // body name base1..basen → class

	RETURN_VALUE // x → (returns)
	YIELD_VALUE  // x → sent
	YIELD_FROM   // sub v → result; delegates like yield from / await
	GET_AWAITABLE
	GET_YIELD_FROM_ITER
	GET_AITER
	// GET_ANEXT: aiter → aiter awaitable. arg is where the awaited item is
	// consumed: the instruction after the YIELD_FROM that follows, or the
	// target of a JUMP there (the copy at the bottom of an async for).
	GET_ANEXT
	END_ASYNC_FOR      // aiter exc →; stops the loop on StopAsyncIteration, else reraises
	BEFORE_WITH        // mgr → exit enter()
	BEFORE_ASYNC_WITH  // mgr → exit awaitable(aenter())
	WITH_EXCEPT_START  // exit prev exc → exit prev exc exit(type, exc, None)
	RAISE              // RAISE 0 reraises; 1: exc →; 2: exc cause →
	RERAISE            // exc → (raises exc without a traceback entry)
	PUSH_EXC_INFO      // exc → prev exc; exc becomes the handled exception
	POP_EXCEPT         // prev →; restores the handled exception
	POP_EXCEPT_RERAISE // prev exc →; restores prev and reraises exc
	CHECK_EXC_MATCH    // exc type → exc bool

	FORMAT_VALUE // x [spec] → str; arg = conversion (0 s r a = 0..3) | 4 when a spec is present
	BUILD_STRING // s1..sn → s

	IMPORT_NAME // → module Names[arg]
	IMPORT_FROM // m → m m.Names[arg]
	IMPORT_STAR // m →

	LOAD_ASSERTION_ERROR
	RETURN_CLASSCELL // returns the __class__ cell of a class body (or None)

	// CHECK_FAST raises UnboundLocalError if Locals[arg] is unbound; it
	// starts `name op= x` on a local, before x is evaluated.
	CHECK_FAST
	// INPLACE_FAST: x →; Locals[arg] op= x, op being Sub (a lang.Op).
	INPLACE_FAST
	// INPLACE_FAST_FAST: Locals[arg&0xffff] op= Locals[arg>>16] (CHECK_FAST,
	// LOAD_FAST and INPLACE_FAST in one dispatch).
	INPLACE_FAST_FAST
	// INPLACE_FAST_CONST: Locals[arg&0xffff] op= Consts[arg>>16] (CHECK_FAST,
	// LOAD_CONST and INPLACE_FAST in one dispatch).
	INPLACE_FAST_CONST
	// FOR_NEXT is the test at the bottom of a for loop: it → it next and
	// goto arg, or → (popped) at the end.
	FOR_NEXT
	// YIELD_FAST: → sent; yields Locals[arg] (LOAD_FAST and YIELD_VALUE in
	// one dispatch).
	YIELD_FAST
	// BINARY_FAST_CONST: → Locals[arg>>16] Sub Consts[arg&0xffff]
	// (LOAD_FAST and BINARY_CONST in one dispatch).
	BINARY_FAST_CONST
	// COMPARE_CONST_JUMP_IF_FALSE: x →; goto arg unless x Sub Consts[K]
	// (LOAD_CONST and COMPARE_JUMP_IF_FALSE in one dispatch).
	COMPARE_CONST_JUMP_IF_FALSE
	COMPARE_CONST_JUMP_IF_TRUE // x →; goto arg if x Sub Consts[K]
	// LOAD_FAST_METHOD: → method obj, or → attr nil, obj being Locals[K]
	// (LOAD_FAST and LOAD_METHOD in one dispatch).
	LOAD_FAST_METHOD
	// LOAD_GLOBAL_METHOD is LOAD_GLOBAL K, then LOAD_METHOD arg (asyncio.sleep).
	LOAD_GLOBAL_METHOD
	RETURN_FAST // returns Locals[arg] (LOAD_FAST and RETURN_VALUE in one dispatch)
)

// CallArgs is set in the argument of LIST_EXTEND when it builds the
// positional arguments of a call (for the error message).
const CallArgs = 1 << 16

var opNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", COPY: "COPY", SWAP: "SWAP", LOAD_CONST: "LOAD_CONST",
	LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST", DELETE_FAST: "DELETE_FAST",
	LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF", DELETE_DEREF: "DELETE_DEREF",
	LOAD_CLASSDEREF: "LOAD_CLASSDEREF", LOAD_GLOBAL: "LOAD_GLOBAL", STORE_GLOBAL: "STORE_GLOBAL",
	DELETE_GLOBAL: "DELETE_GLOBAL", LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME",
	DELETE_NAME: "DELETE_NAME", LOAD_ATTR: "LOAD_ATTR", STORE_ATTR: "STORE_ATTR",
	DELETE_ATTR: "DELETE_ATTR", BINARY_SUBSCR: "BINARY_SUBSCR", STORE_SUBSCR: "STORE_SUBSCR",
	DELETE_SUBSCR: "DELETE_SUBSCR", BUILD_SLICE: "BUILD_SLICE", BINARY: "BINARY",
	INPLACE: "INPLACE", UNARY: "UNARY", COMPARE: "COMPARE", BINARY_CONST: "BINARY_CONST", JUMP: "JUMP",
	POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE", POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE",
	COMPARE_JUMP_IF_FALSE: "COMPARE_JUMP_IF_FALSE", COMPARE_JUMP_IF_TRUE: "COMPARE_JUMP_IF_TRUE",
	GET_ITER: "GET_ITER", FOR_ITER: "FOR_ITER", POP_ITER: "POP_ITER",
	BUILD_LIST: "BUILD_LIST", BUILD_TUPLE: "BUILD_TUPLE", BUILD_SET: "BUILD_SET",
	BUILD_MAP: "BUILD_MAP", LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD",
	LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE", DICT_UPDATE: "DICT_UPDATE",
	DICT_MERGE: "DICT_MERGE", LIST_TO_TUPLE: "LIST_TO_TUPLE",
	UNPACK_SEQUENCE: "UNPACK_SEQUENCE", UNPACK_EX: "UNPACK_EX", CALL: "CALL",
	CALL_KW: "CALL_KW", LOAD_METHOD: "LOAD_METHOD", CALL_METHOD: "CALL_METHOD", CALL_EX: "CALL_EX", MAKE_FUNCTION: "MAKE_FUNCTION",
	BUILD_CLASS: "BUILD_CLASS", RETURN_VALUE: "RETURN_VALUE", YIELD_VALUE: "YIELD_VALUE",
	YIELD_FROM: "YIELD_FROM", GET_AWAITABLE: "GET_AWAITABLE",
	GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER", GET_AITER: "GET_AITER",
	GET_ANEXT: "GET_ANEXT", END_ASYNC_FOR: "END_ASYNC_FOR", BEFORE_WITH: "BEFORE_WITH",
	BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH", WITH_EXCEPT_START: "WITH_EXCEPT_START",
	RAISE: "RAISE", RERAISE: "RERAISE", PUSH_EXC_INFO: "PUSH_EXC_INFO",
	POP_EXCEPT: "POP_EXCEPT", POP_EXCEPT_RERAISE: "POP_EXCEPT_RERAISE",
	CHECK_EXC_MATCH: "CHECK_EXC_MATCH", FORMAT_VALUE: "FORMAT_VALUE",
	BUILD_STRING: "BUILD_STRING", IMPORT_NAME: "IMPORT_NAME", IMPORT_FROM: "IMPORT_FROM",
	IMPORT_STAR: "IMPORT_STAR", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	RETURN_CLASSCELL: "RETURN_CLASSCELL", CHECK_FAST: "CHECK_FAST", INPLACE_FAST: "INPLACE_FAST",
	INPLACE_FAST_FAST: "INPLACE_FAST_FAST", INPLACE_FAST_CONST: "INPLACE_FAST_CONST", FOR_NEXT: "FOR_NEXT",
	YIELD_FAST: "YIELD_FAST", BINARY_FAST_CONST: "BINARY_FAST_CONST",
	COMPARE_CONST_JUMP_IF_FALSE: "COMPARE_CONST_JUMP_IF_FALSE", COMPARE_CONST_JUMP_IF_TRUE: "COMPARE_CONST_JUMP_IF_TRUE",
	LOAD_FAST_METHOD: "LOAD_FAST_METHOD", LOAD_GLOBAL_METHOD: "LOAD_GLOBAL_METHOD",
	RETURN_FAST: "RETURN_FAST",
}

// String returns the opcode's name.
func (op Opcode) String() string {
	if int(op) < len(opNames) && opNames[op] != "" {
		return opNames[op]
	}
	return "OP?"
}

// isJump reports whether the argument of op is an instruction index.
func (op Opcode) isJump() bool {
	switch op {
	case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, FOR_ITER, FOR_NEXT, GET_ANEXT,
		COMPARE_JUMP_IF_FALSE, COMPARE_JUMP_IF_TRUE, COMPARE_CONST_JUMP_IF_FALSE, COMPARE_CONST_JUMP_IF_TRUE:
		return true
	}
	return false
}

// stackEffect returns the change of the stack depth when the instruction
// falls through to the next one.
func stackEffect(op Opcode, arg int) int {
	switch op {
	case NOP, SWAP, DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME, LOAD_ATTR,
		UNARY, JUMP, GET_ITER, LIST_TO_TUPLE, YIELD_VALUE, GET_AWAITABLE,
		GET_YIELD_FROM_ITER, GET_AITER, CHECK_EXC_MATCH, RETURN_CLASSCELL, BINARY_CONST, CHECK_FAST,
		INPLACE_FAST_FAST, INPLACE_FAST_CONST, RETURN_FAST:
		return 0
	case POP_TOP, STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME, DELETE_ATTR,
		BINARY_SUBSCR, BINARY, INPLACE, COMPARE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE,
		POP_ITER, LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE,
		RETURN_VALUE, YIELD_FROM, RERAISE, POP_EXCEPT, IMPORT_STAR, INPLACE_FAST, FOR_NEXT,
		COMPARE_CONST_JUMP_IF_FALSE, COMPARE_CONST_JUMP_IF_TRUE:
		return -1
	case COPY, LOAD_CONST, LOAD_FAST, LOAD_DEREF, LOAD_CLASSDEREF, LOAD_GLOBAL, LOAD_NAME,
		FOR_ITER, GET_ANEXT, BEFORE_WITH, LOAD_METHOD, BEFORE_ASYNC_WITH, WITH_EXCEPT_START,
		PUSH_EXC_INFO, IMPORT_NAME, IMPORT_FROM, LOAD_ASSERTION_ERROR, YIELD_FAST, BINARY_FAST_CONST:
		return 1
	case STORE_ATTR, DELETE_SUBSCR, MAP_ADD, END_ASYNC_FOR, POP_EXCEPT_RERAISE,
		COMPARE_JUMP_IF_FALSE, COMPARE_JUMP_IF_TRUE:
		return -2
	case LOAD_FAST_METHOD, LOAD_GLOBAL_METHOD:
		return 2
	case STORE_SUBSCR:
		return -3
	case BUILD_SLICE:
		return 1 - arg
	case BUILD_LIST, BUILD_TUPLE, BUILD_SET, BUILD_STRING:
		return 1 - arg
	case BUILD_MAP:
		return 1 - 2*arg
	case UNPACK_SEQUENCE:
		return arg - 1
	case UNPACK_EX:
		return arg&0xff + arg>>8
	case CALL:
		return -arg
	case CALL_KW, CALL_METHOD:
		return -arg - 1
	case CALL_EX:
		return -1 - arg
	case MAKE_FUNCTION:
		return -(arg & 1) - (arg >> 1 & 1)
	case BUILD_CLASS:
		return -arg - 1
	case RAISE:
		return -arg
	case FORMAT_VALUE:
		if arg&4 != 0 {
			return -1
		}
		return 0
	}
	panic("stackEffect: unknown opcode " + op.String())
}
