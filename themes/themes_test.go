package themes

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"strings"
	"testing"
)

// TestEChartsBuild checks the theme's copy of ECharts against the version
// and checksum tools/echarts/build.sh recorded, and that its licence and
// notice ship beside it.
func TestEChartsBuild(t *testing.T) {
	record, err := fs.ReadFile(Default, "static/js/echarts.VERSION")
	if err != nil {
		t.Fatal(err)
	}
	var version, sum string
	if _, err := fmt.Sscanf(string(record), "echarts %s\nsha256 %s\n", &version, &sum); err != nil {
		t.Fatalf("echarts.VERSION: %v", err)
	}
	if version != "6.1.0" {
		t.Errorf("echarts version %s; tools/echarts/package.json pins 6.1.0", version)
	}
	js, err := fs.ReadFile(Default, "static/js/echarts.min.js")
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(js)); got != sum {
		t.Errorf("echarts.min.js has sha256 %s; echarts.VERSION records %s (rebuild with tools/echarts/build.sh, never edit it)", got, sum)
	}
	for _, name := range []string{"static/js/echarts.LICENSE", "static/js/echarts.NOTICE"} {
		b, err := fs.ReadFile(Default, name)
		if err != nil || !strings.Contains(string(b), "Apache") {
			t.Errorf("%s missing or not Apache's: %v", name, err)
		}
	}
}
