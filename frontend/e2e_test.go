package frontend_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/idebank/idebank/internal/demo"
)

// TestBrowser runs the main flows in Chromium against the whole
// application on the demo data, checking every page it passes with
// axe-core. The steps build on each other and share one browser.
func TestBrowser(t *testing.T) {
	c := newChrome(t) // skips before the application starts when there is no browser
	app := newTestApp(t, true)
	c.app = app
	const word = "zebrafinke" // makes the new proposal easy to find
	title := "Fælles udlån af hjælpemidler mellem skoler – " + word
	var id string

	t.Run("SearchWithFacetChangesTheCount", func(t *testing.T) {
		c.t = t
		c.open("/soeg")
		before := c.count()
		c.do(chromedp.Click(chromedp.CSS(`input[name="policy_area"]`)))
		c.waitFor(fmt.Sprintf(`location.search.includes("policy_area=") && document.querySelector("#antal strong").textContent !== %q`, strconv.Itoa(before)))
		if after := c.count(); after <= 0 || after >= before {
			t.Fatalf("count after choosing a policy area = %d, want between 0 and %d", after, before)
		}
		c.checkAccessible("søgning med fagområde")
		c.checkFits("søgning med fagområde")
		c.screenshot("soegning")
	})

	t.Run("SearchAsYouType", func(t *testing.T) {
		c.t = t
		c.open("/soeg")
		c.do(chromedp.SendKeys(chromedp.CSS("#q"), "hjemmepleje"))
		c.waitFor(`location.search.includes("q=hjemmepleje") && document.querySelector(".hits mark") !== null`)
		if !c.eval(`document.querySelector("#sort").selectedOptions[0].textContent === "Bedst match"`) {
			t.Error("the order did not follow the words to Bedst match")
		}
		if !c.eval(`document.activeElement.id === "q" && document.querySelector("#live-status").textContent.includes("forslag fundet")`) {
			t.Fatal("typing lost the focus or the result count was not announced")
		}
	})

	t.Run("EstimateForAnotherMunicipality", func(t *testing.T) {
		c.t = t
		pr := app.firstPublished(t)
		c.open("/forslag/" + pr.ID)
		c.screenshot("forslag")
		c.do(chromedp.SetValue(chromedp.CSS("#municipality"), "851"))
		c.submit(`#min-kommune button[type="submit"]`)
		if got := c.text(".estimate"); !strings.Contains(got, "Aalborg") || !strings.Contains(got, "kr.") {
			t.Fatalf("estimate = %q, want an amount for Aalborg", got)
		}
		c.checkAccessible("forslag med skøn")
		c.checkFits("forslag med skøn")
	})

	t.Run("StaffCreatesFixesAndSubmits", func(t *testing.T) {
		c.t = t
		c.login(staffEmail)
		c.open("/forslag/nyt")
		c.do(
			chromedp.SendKeys(chromedp.CSS("#title"), "Kort"),
			chromedp.SendKeys(chromedp.CSS("#summary"), "Skolerne deler hjælpemidler i stedet for at købe hver deres."),
			chromedp.SetValue(chromedp.CSS("#policy_area"), "skole"),
			chromedp.SetValue(chromedp.CSS("#measure_type"), "samarbejde"),
			chromedp.SetValue(chromedp.CSS("#budget_year"), "2026"),
			chromedp.SendKeys(chromedp.CSS("#savings-0"), "150000"),
			chromedp.SendKeys(chromedp.CSS("#savings-1"), "400.000"),
		)
		c.submit(`button[value="submit"]`)
		if got := c.text(".error-summary"); !strings.Contains(got, "Titlen skal være mindst 5 tegn") {
			t.Fatalf("error summary = %q, want the title message", got)
		}
		if !c.eval(`document.querySelector("#title").getAttribute("aria-invalid") === "true" &&
			document.querySelector("#savings-1").value === "400.000"`) {
			t.Fatal("the title is not marked invalid or the typed amounts were lost")
		}
		c.checkAccessible("formular med fejl")
		c.checkFits("formular med fejl")
		c.screenshot("opret-forslag-fejl")
		c.do(chromedp.SetValue(chromedp.CSS("#title"), title))
		c.submit(`button[value="submit"]`)
		if got := c.text(".notice"); !strings.Contains(got, "sendt til redaktionen") {
			t.Fatalf("notice = %q, want the submitted message", got)
		}
		loc, err := chromedp.Run(c.ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		id = strings.TrimPrefix(strings.SplitN(loc, "?", 2)[0], app.URL+"/forslag/")
		c.logout()
	})

	t.Run("EditorPublishes", func(t *testing.T) {
		c.t = t
		if id == "" {
			t.Skip("no proposal was submitted")
		}
		c.login(editorEmail)
		c.open("/forslag/" + id)
		c.checkAccessible("forslag til redaktør")
		c.submit(`button[value="publish"]`)
		if got := c.text(".notice"); !strings.Contains(got, "offentliggjort") {
			t.Fatalf("notice = %q, want the published message", got)
		}
		c.logout()
	})

	t.Run("PublicFindsItInSearch", func(t *testing.T) {
		c.t = t
		if id == "" {
			t.Skip("no proposal was published")
		}
		deadline := time.Now().Add(10 * time.Second)
		for {
			c.open("/soeg?q=" + word)
			if c.eval(fmt.Sprintf(`[...document.querySelectorAll(".hit-title a")].some(a => a.getAttribute("href") === %q)`, "/forslag/"+id)) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the published proposal is not found by %q", word)
			}
			time.Sleep(100 * time.Millisecond)
		}
	})

	t.Run("KeyboardReachesTheSkipLinkFirst", func(t *testing.T) {
		c.t = t
		c.open("/")
		c.do(chromedp.KeyEvent(kb.Tab))
		if !c.eval(`document.activeElement.classList.contains("skip") && document.activeElement.getBoundingClientRect().left >= 0`) {
			t.Fatal("the first Tab does not show the skip link")
		}
		c.do(chromedp.KeyEvent(kb.Enter))
		c.waitFor(`location.hash === "#indhold"`)
	})

	t.Run("PagesAreAccessible", func(t *testing.T) {
		c.t = t
		pr := app.firstPublished(t)
		pages := func(names ...string) {
			for i := 0; i < len(names); i += 2 {
				c.open(names[i+1])
				c.checkAccessible(names[i])
				c.checkFits(names[i])
				c.screenshot(names[i])
			}
		}
		pages(
			"forside", "/",
			"soegning-tom", "/soeg?q=qqxxzzy",
			"log-ind", "/log-ind",
			"fejl-404", "/findes-ikke",
			"kommuner", "/kommuner",
			"kommune", "/kommuner/250",
			"sammenlign", "/sammenlign?kommune=250&peer=band",
		)
		c.login(staffEmail)
		pages("mine-forslag", "/redaktion", "opret-forslag", "/forslag/nyt")
		c.logout()
		c.login(editorEmail)
		pages(
			"redaktion", "/redaktion",
			"rediger-forslag", "/forslag/"+pr.ID+"/rediger",
			"historik", "/forslag/"+pr.ID+"/historik",
			"dubletter", "/forslag/"+pr.ID+"/dubletter",
			"forslag-redaktoer", "/forslag/"+pr.ID,
		)
		c.logout()
	})
}

// count returns the number of hits the search page shows.
func (c *chrome) count() int {
	c.t.Helper()
	n, err := strconv.Atoi(c.text("#antal strong"))
	if err != nil {
		c.t.Fatalf("hit count: %v", err)
	}
	return n
}

// login logs in through the form as email with the demo password.
func (c *chrome) login(email string) {
	c.t.Helper()
	c.open("/log-ind")
	c.do(
		chromedp.SendKeys(chromedp.CSS("#email"), email),
		chromedp.SendKeys(chromedp.CSS("#password"), demo.Password),
	)
	c.submit(`main form button[type="submit"]`)
	if !c.eval(`document.querySelector(".account .who") !== null`) {
		c.t.Fatalf("not logged in as %s", email)
	}
}

// logout logs out with the button in the header.
func (c *chrome) logout() {
	c.t.Helper()
	c.submit(`.account button`)
}
