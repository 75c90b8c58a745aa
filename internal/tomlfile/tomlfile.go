// Package tomlfile reads the TOML of a site — config.toml, the front matter
// of Markdown files, indicator files — into typed structs, strictly, and
// reports every problem it finds with its line and column.
//
// The text is parsed by github.com/BurntSushi/toml into a tree of values;
// this package then fills the struct itself, so that one file can report
// several problems at once, keys are matched exactly (a "Title" key is an
// unknown key, with a hint), and each message says what would be right.
//
// Struct fields are named by their `toml:"name"` tag; a tag option
// `required` makes the key mandatory. Supported field types: string, bool,
// int, float64, pointers to those (nil when the key is absent), []string,
// Date, types implementing encoding.TextUnmarshaler (from a string),
// structs and slices of structs (TOML tables and arrays of tables).
package tomlfile

import (
	"encoding"
	"errors"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"jalons/internal/diag"
	"jalons/internal/slug"
)

// Doc is one decoded TOML text and where its keys stand in its file.
type Doc struct {
	file  string
	line0 int // lines of the file before the TOML text
	// The keys are found when first asked for, most often never: a site
	// without mistakes asks for few positions.
	once sync.Once
	text string              // until then
	keys map[string]diag.Pos // key path ("values.2.date") → position
}

func (d *Doc) index() map[string]diag.Pos {
	d.once.Do(func() {
		d.keys = scanKeys(d.file, d.text, d.line0)
		d.text = ""
	})
	return d.keys
}

// Pos returns where the key at path stands, or, when it is not written on
// a line of its own (inside an inline table), where its nearest written
// parent stands, or else the start of the text.
func (d *Doc) Pos(path ...string) diag.Pos {
	keys := d.index()
	for n := len(path); n > 0; n-- {
		if p, ok := keys[strings.Join(path[:n], ".")]; ok {
			return p
		}
	}
	return diag.Pos{File: d.file, Line: max(d.line0, 1), Col: 1}
}

// Has reports whether the key at path is written in the text.
func (d *Doc) Has(path ...string) bool {
	_, ok := d.index()[strings.Join(path, ".")]
	return ok
}

// Decode parses text, the TOML of file starting after line0 lines of it,
// and fills the struct v points to. The Doc is nil only when the text is
// not valid TOML.
func Decode(file, text string, line0 int, v any) (*Doc, diag.List) {
	if errs := checkLimits(file, text, line0); errs != nil {
		return nil, errs
	}
	var errs diag.List
	var tree map[string]any
	if _, err := toml.Decode(text, &tree); err != nil {
		if e := mistake(file, text, line0, err); e != nil {
			return nil, append(errs, e)
		}
		errs.Add(parseErrorPos(file, line0, err), "%s", parseErrorMsg(err))
		return nil, errs
	}
	d := &Doc{file: file, line0: line0, text: text}
	dec := decoder{doc: d, errs: &errs}
	dec.table(tree, reflect.ValueOf(v).Elem(), nil)
	return d, errs
}

func parseErrorPos(file string, line0 int, err error) diag.Pos {
	var pe toml.ParseError
	if errors.As(err, &pe) && pe.Position.Line >= 1 {
		return diag.Pos{File: file, Line: line0 + pe.Position.Line, Col: max(pe.Position.Col, 1)}
	}
	return diag.Pos{File: file, Line: max(line0, 1), Col: 1}
}

func parseErrorMsg(err error) *diag.Msg {
	var pe toml.ParseError
	msg := err.Error()
	if errors.As(err, &pe) {
		msg = pe.Message
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	return diag.Errorf("invalid TOML: %s (check quotes around text, commas in lists, and one key = value per line)", msg)
}

type decoder struct {
	doc  *Doc
	errs *diag.List
}

func (d *decoder) add(path []string, format string, args ...any) {
	d.errs.Add(d.doc.Pos(path...), format, args...)
}

type field struct {
	name     string
	required bool
	index    int
}

// fields returns the keyed fields of struct type t and their keys, read
// from its tags once per type.
func fields(t reflect.Type) ([]field, []string) {
	if v, ok := typeFields.Load(t); ok {
		tf := v.(*keyedFields)
		return tf.fields, tf.keys
	}
	tf := &keyedFields{}
	for i := 0; i < t.NumField(); i++ {
		tag := t.Field(i).Tag.Get("toml")
		if tag == "" || tag == "-" {
			continue
		}
		name, opt, _ := strings.Cut(tag, ",")
		tf.fields = append(tf.fields, field{name: name, required: opt == "required", index: i})
		tf.keys = append(tf.keys, name)
	}
	typeFields.Store(t, tf)
	return tf.fields, tf.keys
}

// typeFields keeps the keyed fields of each struct type decoded.
var typeFields sync.Map // reflect.Type → *keyedFields

type keyedFields struct {
	fields []field
	keys   []string // never changed: shared by every decoding
}

func (d *decoder) table(m map[string]any, rv reflect.Value, path []string) {
	fs, known := fields(rv.Type())
	for _, f := range fs {
		val, ok := m[f.name]
		if !ok {
			if f.required {
				d.add(path, "missing required key %q%s", f.name, where(path))
			}
			continue
		}
		d.value(val, rv.Field(f.index), append(path[:len(path):len(path)], f.name))
	}
	var unknown []string
	for k := range m {
		if !contains(known, k) {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		hint := diag.Suggest(k, known)
		if en := englishKeys[slug.Make(k)]; contains(known, en) {
			hint = diag.Errorf(" (keys are written in English: %q)", en)
		}
		if hint == nil {
			hint = diag.Errorf(" (known keys: %s)", diag.Known(known))
		}
		d.add(append(path[:len(path):len(path)], k), "unknown key %q%s%s", k, where(path), hint)
	}
}

// where is " in [table]" for a key inside a table, nil (printed "") for a
// key at the top.
func where(path []string) *diag.Msg {
	var parts []string
	for _, p := range path {
		if _, err := strconv.Atoi(p); err != nil {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	return diag.Errorf(" in [%s]", strings.Join(parts, "."))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	dateType = reflect.TypeOf(Date{})
	textType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

func (d *decoder) value(val any, rv reflect.Value, path []string) {
	key := path[len(path)-1]
	if rv.Kind() == reflect.Pointer {
		p := reflect.New(rv.Type().Elem())
		before := len(*d.errs)
		d.value(val, p.Elem(), path)
		if len(*d.errs) == before {
			rv.Set(p)
		}
		return
	}
	if rv.Type() == dateType {
		date, err := dateOf(val)
		if err != nil {
			d.add(path, "%q %v", key, err)
			return
		}
		rv.Set(reflect.ValueOf(date))
		return
	}
	if reflect.PointerTo(rv.Type()).Implements(textType) {
		s, ok := val.(string)
		if !ok {
			d.add(path, "%q must be text in quotes, not %s", key, kind(val))
			return
		}
		if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.add(path, "%q: %v", key, err)
		}
		return
	}
	switch rv.Kind() {
	case reflect.String:
		s, ok := val.(string)
		if !ok {
			d.add(path, "%q must be text in quotes, not %s (write %s = \"…\")", key, kind(val), key)
			return
		}
		for i, r := range []rune(s) {
			if Control(r) {
				d.add(path, "%q holds an invisible control character, U+%04X, at character %d (delete it: only tabs and line breaks may be used)", key, r, i+1)
				// The text without it, so that no other check calls it missing.
				s = strings.Map(func(r rune) rune {
					if Control(r) {
						return -1
					}
					return r
				}, s)
				break
			}
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := val.(bool)
		if !ok {
			d.add(path, "%q must be true or false, not %s", key, kind(val))
			return
		}
		rv.SetBool(b)
	case reflect.Int:
		switch n := val.(type) {
		case int64:
			rv.SetInt(n)
		case float64:
			d.add(path, "%q must be a whole number, not %v", key, n)
		default:
			d.add(path, "%q must be a whole number, not %s", key, kind(val))
		}
	case reflect.Float64:
		switch n := val.(type) {
		case int64:
			rv.SetFloat(float64(n))
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) {
				d.add(path, "%q must be a figure, not %s (write digits, with a dot for decimals: 1500.5)", key, spelling(n))
				return
			}
			rv.SetFloat(n)
		default:
			d.add(path, "%q must be a number, not %s (write digits without quotes or spaces, with a dot for decimals: 1500.5)", key, kind(val))
		}
	case reflect.Slice:
		d.slice(val, rv, path)
	case reflect.Struct:
		m, ok := val.(map[string]any)
		if !ok {
			d.add(path, "%q must be a table, not %s", key, kind(val))
			return
		}
		d.table(m, rv, path)
	default:
		panic("tomlfile: unsupported field type " + rv.Type().String())
	}
}

func (d *decoder) slice(val any, rv reflect.Value, path []string) {
	key := path[len(path)-1]
	elem := rv.Type().Elem()
	if elem.Kind() == reflect.Struct && elem != dateType {
		tables, ok := val.([]map[string]any)
		if !ok {
			if arr, isArr := val.([]any); isArr {
				tables = make([]map[string]any, 0, len(arr))
				for _, x := range arr {
					if m, isMap := x.(map[string]any); isMap {
						tables = append(tables, m)
					}
				}
				ok = len(tables) == len(arr)
			}
		}
		if !ok {
			d.add(path, "%q must be a list of tables, written [[%s]]", key, key)
			return
		}
		s := reflect.MakeSlice(rv.Type(), len(tables), len(tables))
		for i, m := range tables {
			d.table(m, s.Index(i), append(path[:len(path):len(path)], strconv.Itoa(i)))
		}
		rv.Set(s)
		return
	}
	arr, ok := val.([]any)
	if !ok {
		if s, isStr := val.(string); isStr && strings.Contains(s, ",") {
			d.add(path, "%q must be a list, each item in quotes: %s = %s", key, key, quotedList(s))
		} else if isStr {
			d.add(path, "%q must be a list, written in brackets: %s = [%q]", key, key, s)
		} else {
			d.add(path, "%q must be a list, written in brackets: %s = [\"…\", \"…\"]", key, key)
		}
		return
	}
	s := reflect.MakeSlice(rv.Type(), len(arr), len(arr))
	for i, x := range arr {
		d.value(x, s.Index(i), path)
	}
	rv.Set(s)
}

// quotedList writes a text of items separated by commas as a TOML list:
// "A, B" → ["A", "B"].
func quotedList(s string) string {
	var items []string
	for _, item := range strings.Split(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			items = append(items, strconv.Quote(item))
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// spelling is how TOML writes a number that is not a figure.
func spelling(n float64) string {
	switch {
	case math.IsNaN(n):
		return "nan"
	case n > 0:
		return "inf"
	}
	return "-inf"
}

// kind describes a TOML value for a message: the text "…", a list…
func kind(v any) *diag.Msg {
	switch v := v.(type) {
	case string:
		return diag.Errorf("the text %q", v)
	case int64, float64:
		return diag.Errorf("the number %v", v)
	case bool:
		return diag.Errorf("%v", v)
	case time.Time:
		return diag.Errorf("a date")
	case []any, []map[string]any:
		return diag.Errorf("a list")
	case map[string]any:
		return diag.Errorf("a table")
	}
	return diag.Errorf("%T", v)
}
