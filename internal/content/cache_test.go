package content

import (
	"slices"
	"testing"
)

// TestLastReadKeepsWhatIsToldDuringARead: a path told changed while a
// read runs is read again by the next one, and what a read gave is not
// kept when every file was forgotten while it ran.
func TestLastReadKeepsWhatIsToldDuringARead(t *testing.T) {
	c := &Cache{}
	c.Watch()
	w, key := &contentFiles{}, readKey{}
	read := func() (*readParts, []string, int) { return c.lastRead(w, key) }
	if last, _, _ := read(); last != nil {
		t.Fatal("a read before any")
	}
	r1 := &readParts{walk: w, key: key}
	c.keepLastRead(r1, 0)
	c.Changed([]string{"content/actions/a.md"}, false)
	last, told, forgot := read() // a read begins
	if last != r1 || !slices.Equal(told, []string{"content/actions/a.md"}) {
		t.Fatalf("lastRead = %p %v; want %p [content/actions/a.md]", last, told, r1)
	}
	c.Changed([]string{"content/actions/b.md"}, false) // while it runs
	r2 := &readParts{walk: w, key: key}
	c.keepLastRead(r2, forgot)
	if last, told, _ := read(); last != r2 || !slices.Equal(told, []string{"content/actions/b.md"}) {
		t.Errorf("lastRead = %p %v; want %p [content/actions/b.md]", last, told, r2)
	}

	_, _, forgot = read() // a read begins
	c.Changed(nil, true)  // every file forgotten while it runs
	c.keepLastRead(&readParts{walk: w, key: key}, forgot)
	if last, _, _ := read(); last != nil {
		t.Error("kept what a read gave while every file was forgotten")
	}
	c.keepLastRead(r2, 1)
	if last, _, _ := c.lastRead(&contentFiles{}, key); last != nil {
		t.Error("the last read of another walk")
	}
}
