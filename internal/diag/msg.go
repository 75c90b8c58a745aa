package diag

import (
	"fmt"
	"strings"
)

// Msg is a message, or a part of one, kept as its English format and its
// arguments so that it can be put in French later. It is an error whose
// text is English; a nil *Msg prints as "".
//
// Producers whose text ends up in a problem (UnmarshalText methods, hints,
// descriptions of values) return a *Msg made by Errorf rather than a plain
// string or fmt.Errorf error, so that the problem can be translated whole.
type Msg struct {
	Format string
	Args   []any
	en     string // the English text, once made
}

// Errorf returns the message fmt.Sprintf(format, args...).
func Errorf(format string, args ...any) *Msg {
	return &Msg{Format: format, Args: args, en: fmt.Sprintf(format, args...)}
}

func (m *Msg) Error() string { return m.Text("en") }

// Text is the message in lang: "fr" for French, English for any other.
// Arguments that are themselves a *Msg are put in lang too.
func (m *Msg) Text(lang string) string {
	if m == nil {
		return ""
	}
	if lang != "fr" && m.en != "" {
		return m.en
	}
	format, args := m.Format, m.Args
	if lang == "fr" {
		if f, ok := french[format]; ok {
			format = f
		}
		args = make([]any, len(m.Args))
		for i, a := range m.Args {
			if am, ok := a.(*Msg); ok {
				a = am.Text(lang)
			}
			args[i] = a
		}
	}
	return fmt.Sprintf(format, args...)
}

// Unwrap gives the arguments that are errors, so that errors.Is and
// errors.As see through a message that tells of one (a file that cannot be
// read, a context cancelled).
func (m *Msg) Unwrap() []error {
	var errs []error
	for _, a := range m.Args {
		if e, ok := a.(error); ok {
			errs = append(errs, e)
		}
	}
	return errs
}

// Text is err's text in lang when diag made it (a *Msg, an *Error, or a
// List, one problem a line), and err.Error() otherwise: the words of the
// system or of a library stay as they wrote them.
func Text(err error, lang string) string {
	switch e := err.(type) {
	case *Msg:
		return e.Text(lang)
	case *Error:
		return e.Text(lang)
	case List:
		return strings.Join(e.Text(lang), "\n")
	}
	return err.Error()
}
