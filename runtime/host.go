package runtime

// HostModule is a named group of host values a script imports with
// `import Name`.
type HostModule struct {
	Name    string
	Members map[string]any
}

func (in *Interpreter) register(m *HostModule) {}
