package frontend_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive the system's Chromium. Locally they skip when no
// Chromium (or no axe-core) is found; with CI=true they fail instead.
//
//	IDEBANK_CHROMIUM     path of the browser (default: chromium on PATH)
//	IDEBANK_AXE_JS       path of axe.min.js (default: see axeCandidates)
//	IDEBANK_SCREENSHOTS  directory to save page screenshots in, e.g. docs/screenshots

// inCI reports whether missing tools must fail the tests.
func inCI() bool { return os.Getenv("CI") == "true" }

// chromiumPath finds the browser or skips (fails in CI).
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("IDEBANK_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (install it with `apt-get install -y chromium` or set IDEBANK_CHROMIUM)"
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// axeCandidates are where axe.min.js is looked for when IDEBANK_AXE_JS is unset.
func axeCandidates() []string {
	var out []string
	if dir, err := os.UserCacheDir(); err == nil {
		out = append(out, filepath.Join(dir, "idebank-axe", "node_modules", "axe-core", "axe.min.js"))
	}
	return append(out, "/opt/axe/node_modules/axe-core/axe.min.js")
}

// axeSource returns axe-core's script, or "" (a failure in CI) when it is missing.
func axeSource(t *testing.T) string {
	t.Helper()
	paths := axeCandidates()
	if p := os.Getenv("IDEBANK_AXE_JS"); p != "" {
		paths = []string{p}
	}
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			return string(b)
		}
	}
	msg := fmt.Sprintf("axe-core not found in %v: run `npm install --prefix /opt/axe axe-core@4` or set IDEBANK_AXE_JS", paths)
	if inCI() {
		t.Fatal(msg)
	}
	t.Log(msg + "; accessibility checks skipped")
	return ""
}

// chrome is one headless browser tab on the test application.
type chrome struct {
	t     *testing.T
	ctx   context.Context
	app   *testApp
	axe   string
	shots string
}

// newChrome starts a headless Chromium with a temporary profile; set its
// app before opening pages.
func newChrome(t *testing.T) *chrome {
	t.Helper()
	path := chromiumPath(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancelTab(); cancelAlloc() })
	c := &chrome{t: t, ctx: ctx, axe: axeSource(t), shots: os.Getenv("IDEBANK_SCREENSHOTS")}
	c.do(chromedp.EmulateViewport(1280, 900))
	return c
}

// do runs steps and fails the test on an error.
func (c *chrome) do(steps ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	if err := chromedp.Do(c.ctx, steps...); err != nil {
		loc, _ := chromedp.Run(c.ctx, chromedp.Location())
		c.t.Fatalf("browser at %s: %v", loc, err)
	}
}

// open loads path and waits for its main landmark.
func (c *chrome) open(path string) {
	c.t.Helper()
	c.do(chromedp.Navigate(c.app.URL+path), chromedp.WaitVisible(chromedp.CSS("main h1")))
}

// text returns the text of the first element matching css.
func (c *chrome) text(css string) string {
	c.t.Helper()
	s, err := chromedp.Run(c.ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		c.t.Fatalf("text of %s: %v", css, err)
	}
	return s
}

// eval evaluates a JavaScript expression whose value is a boolean.
func (c *chrome) eval(js string) bool {
	c.t.Helper()
	ok, err := chromedp.Run(c.ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		c.t.Fatalf("evaluate %s: %v", js, err)
	}
	return ok
}

// waitFor waits until the JavaScript predicate is true, across page loads.
func (c *chrome) waitFor(js string) {
	c.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(c.ctx, chromedp.Evaluate[bool](js, chromedp.EvalIgnoreExceptions))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			loc, _ := chromedp.Run(c.ctx, chromedp.Location())
			c.t.Fatalf("waiting at %s for %s: %v", loc, js, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// submit clicks the button matched by css and waits for the next page.
func (c *chrome) submit(css string) {
	c.t.Helper()
	c.do(chromedp.Evaluate[chromedp.Void](`window.__stale = true`), chromedp.Click(chromedp.CSS(css)))
	c.waitFor(`window.__stale === undefined && document.readyState === "complete"`)
}

// checkFits fails when the page needs sideways scrolling on a 360 px wide
// phone or has accessibility violations at that width.
func (c *chrome) checkFits(name string) {
	c.t.Helper()
	c.do(chromedp.EmulateViewport(360, 740))
	if !c.eval(`document.documentElement.scrollWidth <= 360`) {
		w, _ := chromedp.Run(c.ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		c.t.Errorf("%s: %d px wide on a 360 px phone", name, w)
	}
	c.checkAccessible(name + " (360 px)")
	c.do(chromedp.EmulateViewport(1280, 900))
}

// axeViolation is one serious or critical axe-core finding.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// checkAccessible runs axe-core against the WCAG 2.1 A and AA rules and
// fails on any serious or critical violation.
func (c *chrome) checkAccessible(name string) {
	c.t.Helper()
	if c.axe == "" {
		return
	}
	if _, err := chromedp.Run(c.ctx, chromedp.Evaluate[chromedp.Void](c.axe)); err != nil {
		c.t.Fatalf("inject axe-core: %v", err)
	}
	vs, err := chromedp.Run(c.ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
	}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => ({id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 5).map(n => n.target.join(" "))})))`, chromedp.EvalAwaitPromise))
	if err != nil {
		c.t.Fatalf("axe-core on %s: %v", name, err)
	}
	for _, v := range vs {
		c.t.Errorf("%s: axe %s (%s): %s at %s", name, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
	}
}

// screenshotPages are the main pages whose screenshots the README shows.
var screenshotPages = map[string]bool{
	"forside": true, "soegning": true, "forslag": true, "opret-forslag-fejl": true,
	"redaktion": true, "kommune": true, "sammenlign": true,
}

// screenshot saves a main page at desktop and phone width when
// IDEBANK_SCREENSHOTS names a directory.
func (c *chrome) screenshot(name string) {
	c.t.Helper()
	if c.shots == "" || !screenshotPages[name] {
		return
	}
	if err := os.MkdirAll(c.shots, 0o755); err != nil {
		c.t.Fatal(err)
	}
	for _, size := range []struct {
		suffix string
		w, h   int64
		mobile bool
	}{{"desktop", 1280, 900, false}, {"phone", 375, 812, true}} {
		vp := []chromedp.EmulateViewportOption{}
		if size.mobile {
			vp = append(vp, chromedp.EmulateMobile)
		}
		shot, err := chromedp.Run(c.ctx, chromedp.Action[[]byte](func(ctx context.Context, tg *chromedp.Target) ([]byte, error) {
			if _, err := chromedp.EmulateViewport(size.w, size.h, vp...)(ctx, tg); err != nil {
				return nil, err
			}
			return chromedp.CaptureScreenshot()(ctx, tg)
		}))
		if err != nil {
			c.t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := writePNG(filepath.Join(c.shots, name+"-"+size.suffix+".png"), shot); err != nil {
			c.t.Fatal(err)
		}
	}
	c.do(chromedp.EmulateViewport(1280, 900))
}

// writePNG stores a screenshot with the 256 most frequent colours of the
// page (flat colours and text need no more) at the best compression, to
// keep the committed images small.
func writePNG(path string, data []byte) error {
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		return err
	}
	counts := map[color.RGBA]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			counts[color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)]++
		}
	}
	colors := make([]color.RGBA, 0, len(counts))
	for c := range counts {
		colors = append(colors, c)
	}
	slices.SortFunc(colors, func(a, b color.RGBA) int { return counts[b] - counts[a] })
	pal := make(color.Palette, 0, 256)
	for _, c := range colors[:min(256, len(colors))] {
		pal = append(pal, c)
	}
	out := image.NewPaletted(b, pal)
	draw.Draw(out, b, img, b.Min, draw.Src)
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
