package content

import "testing"

func TestStatusAliases(t *testing.T) {
	for i, code := range statusCodes {
		for _, in := range []string{code, statusAliases[i]} {
			var s Status
			if err := s.UnmarshalText([]byte(in)); err != nil || s != Status(i) {
				t.Errorf("UnmarshalText(%q) = %v, %v; want %v", in, s, err, Status(i))
			}
		}
	}
}
