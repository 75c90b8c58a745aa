package tomlfile

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	dotted := func(n int) string { return strings.TrimSuffix(strings.Repeat("a.", n), ".") }
	tests := []struct{ name, in, want string }{
		{"dotted key at the limit", dotted(100) + " = 1\n", ""},
		{"dotted key", "title = \"x\"\n" + dotted(101) + " = 1\n", "f.toml:3:200: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)"},
		{"quoted dotted key", `"a".` + dotted(100) + " = 1\n", "f.toml:2:202: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)"},
		{"dots in quotes", `"` + strings.Repeat(".", 500) + `" = 1` + "\n", ""},
		{"table header", "[" + dotted(101) + "]\n", "f.toml:2:201: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)"},
		{"array of tables header", "[[" + dotted(101) + "]]\n", "f.toml:2:202: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)"},
		{"inline table key", "x = { y = 1, " + dotted(101) + " = 1 }\n", "f.toml:2:213: a key of more than 100 parts (write a shorter key; a.b.c has 3 parts)"},
		{"dots in values", "x = [" + strings.Repeat("1.5, ", 500) + "]\ny = 2017-04-29\nz = 'a.b.c'\n", ""},
		{"nested arrays at the limit", "x = " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n", ""},
		{"nested arrays", "x = " + strings.Repeat("[", 101) + strings.Repeat("]", 101) + "\n", "f.toml:2:105: lists and tables nested more than 100 levels deep (write them flatter)"},
		{"nested inline tables", "x = " + strings.Repeat("{a = ", 101) + "1" + strings.Repeat("}", 101) + "\n", "f.toml:2:505: lists and tables nested more than 100 levels deep (write them flatter)"},
		{"brackets in strings", "x = \"" + strings.Repeat("[{", 200) + "\"\ny = '''\n" + strings.Repeat("[", 200) + "\n'''\n", ""},
		{"brackets in comments", "# " + strings.Repeat("[", 200) + "\nx = 1\n", ""},
		{"tables at the limit", "x = [" + strings.Repeat("{},", 100_000) + "]\n", ""},
		{"inline tables", "x = [" + strings.Repeat("{},", 100_001) + "]\n", "f.toml:2:300006: more than 100000 tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)"},
		{"array of tables", strings.Repeat("[[values]]\n", 100_001), "f.toml:100002:1: more than 100000 tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got string
			if errs := checkLimits("f.toml", tt.in, 1); errs != nil {
				got = errs.Error()
			}
			if got != tt.want {
				t.Errorf("checkLimits(%.40q…) = %s; want %s", tt.in, got, tt.want)
			}
		})
	}
}
