package syntax_test

import (
	"fmt"

	"github.com/dyad-project/dyad/internal/syntax"
)

func ExampleModel_Parse() {
	m, err := syntax.Load()
	if err != nil {
		panic(err)
	}
	for _, t := range m.Parse("Rebels attacked the base.").Tokens {
		fmt.Println(t.Form, t.UPOS, t.Head, t.Rel)
	}
	// Output:
	// Rebels NOUN 2 nsubj
	// attacked VERB 0 root
	// the DET 4 det
	// base NOUN 2 obj
	// . PUNCT 2 punct
}
