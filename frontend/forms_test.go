package frontend_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/demo"
)

// validForm is a proposal form that the service accepts.
func validForm(title string) url.Values {
	return url.Values{
		"title": {title}, "summary": {"Et kort resumé af forslaget."}, "description": {"Første afsnit.\n\nAndet afsnit."},
		"policy_area": {"skole"}, "measure_type": {"samarbejde"}, "municipality_code": {"250"},
		"budget_year": {"2026"}, "savings": {"100.000", "250 000", ""}, "investment_dkk": {"50000"},
		"evidence_level": {"estimate"}, "tags": {"Hjælpemidler, skole"},
		"contact_role": {"Økonomiafdelingen"}, "contact_email": {"okonomi@frederikssund.dk"},
	}
}

func TestLogin(t *testing.T) {
	a := newTestApp(t, true)
	t.Run("WrongPasswordIsRefusedInDanish", func(t *testing.T) {
		b := a.browser(t)
		res := b.post("/log-ind", "/log-ind", url.Values{"email": {staffEmail}, "password": {"forkert"}})
		if res.Status != http.StatusUnauthorized {
			t.Fatalf("status = %d, want 401", res.Status)
		}
		wantContains(t, res.Body, "E-mailadressen eller adgangskoden er forkert.", `value="`+staffEmail+`"`)
	})
	t.Run("SessionCookieIsHttpOnlyLaxAndLogoutEndsIt", func(t *testing.T) {
		b := a.browser(t)
		res := b.post("/log-ind", "/log-ind", url.Values{"email": {editorEmail}, "password": {demo.Password}, "next": {"/redaktion"}})
		if res.Status != http.StatusSeeOther || res.Location != "/redaktion" {
			t.Fatalf("status = %d to %q, want 303 to /redaktion", res.Status, res.Location)
		}
		ck := cookieNamed(res.Header, "idebank_session")
		if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Secure || ck.Path != "/" {
			t.Fatalf("session cookie = %+v, want HttpOnly, SameSite=Lax, path /, not Secure over plain HTTP", ck)
		}
		if res := b.get("/redaktion"); res.Status != http.StatusOK || res.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("desk: status %d, Cache-Control %q", res.Status, res.Header.Get("Cache-Control"))
		}
		if res := b.post("/", "/log-ud", url.Values{}); res.Status != http.StatusSeeOther {
			t.Fatalf("logout status = %d", res.Status)
		}
		if res := b.get("/redaktion"); res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/log-ind?next=") {
			t.Fatalf("desk after logout: status %d to %q, want a redirect to the login", res.Status, res.Location)
		}
	})
	t.Run("OverTLSTheCookieHasTheHostPrefixAndIsSecure", func(t *testing.T) {
		b := a.browser(t)
		req, _ := http.NewRequest(http.MethodGet, a.URL+"/log-ind", nil)
		req.Header.Set("X-Forwarded-Proto", "https")
		res := b.do(req)
		ck := cookieNamed(res.Header, "__Host-idebank_csrf")
		if ck == nil || !ck.Secure || !ck.HttpOnly || ck.Domain != "" || ck.Path != "/" {
			t.Fatalf("csrf cookie over TLS = %+v, want __Host- prefixed, Secure, host-only, path /", ck)
		}
	})
	t.Run("PostWithoutCSRFTokenIsRefused", func(t *testing.T) {
		b := a.browser(t)
		b.get("/log-ind")
		res := b.postRaw("/log-ind", url.Values{"email": {editorEmail}, "password": {demo.Password}})
		if res.Status != http.StatusForbidden || !strings.Contains(res.Body, "Formularen er udløbet") {
			t.Fatalf("status = %d, want 403 with the Danish message", res.Status)
		}
	})
	t.Run("TooManyFailuresAreRateLimited", func(t *testing.T) {
		b := a.browser(t)
		for i := 0; i < domain.MaxLoginFailures; i++ {
			b.post("/log-ind", "/log-ind", url.Values{"email": {"aarhus@demo.idebank.dk"}, "password": {"forkert"}})
		}
		res := b.post("/log-ind", "/log-ind", url.Values{"email": {"aarhus@demo.idebank.dk"}, "password": {demo.Password}})
		if res.Status != http.StatusTooManyRequests || !strings.Contains(res.Body, "for mange gange") {
			t.Fatalf("status = %d, want 429 with the Danish message", res.Status)
		}
	})
}

func TestProposalForm(t *testing.T) {
	a := newTestApp(t, true)
	b := a.browser(t)
	b.login(staffEmail)

	t.Run("InvalidFieldsAreShownNextToTheirInputsWithWhatWasTyped", func(t *testing.T) {
		form := validForm("Kort")
		form.Set("investment_dkk", "mange penge")
		form["savings"] = []string{"100000", "", "5000"}
		res := b.post("/forslag/nyt", "/forslag/nyt", form)
		if res.Status != http.StatusUnprocessableEntity {
			t.Fatalf("status = %d, want 422", res.Status)
		}
		wantContains(t, res.Body,
			"Titlen skal være mindst 5 tegn.", `href="#title"`, `id="title" name="title" value="Kort"`,
			"Skriv investeringen i hele kroner", `value="mange penge"`,
			`href="#savings-1"`, "Skriv et beløb – 0, hvis der ikke spares noget dette år.", `value="5000"`)
	})
	t.Run("ValidFormCreatesADraftAndSubmitSendsIt", func(t *testing.T) {
		form := validForm("Fælles hjælpemiddeldepot for skolerne")
		form.Set("action", "submit")
		res := b.post("/forslag/nyt", "/forslag/nyt", form)
		if res.Status != http.StatusSeeOther || !strings.Contains(res.Location, "besked=submitted") {
			t.Fatalf("status = %d to %q, want 303 to the submitted proposal", res.Status, res.Location)
		}
		page := b.get(res.Location)
		wantContains(t, page.Body, "Forslaget er sendt til redaktionen.", "Fælles hjælpemiddeldepot for skolerne",
			"250.000 kr.", "Indsendt")
	})
	t.Run("StaleEditKeepsWhatWasTypedAndSaysSo", func(t *testing.T) {
		res := b.post("/forslag/nyt", "/forslag/nyt", validForm("Kladde der redigeres af to"))
		id := strings.TrimPrefix(strings.SplitN(res.Location, "?", 2)[0], "/forslag/")
		edit := "/forslag/" + id + "/rediger"
		mine := validForm("Min udgave af titlen")
		mine.Set("summary", "Mit nye resumé, som ikke må gå tabt.")
		mine.Set("version", "1")
		// Someone else saves first.
		if res := b.post(edit, edit, withVersion(validForm("Den andens udgave"), 1)); res.Status != http.StatusSeeOther {
			t.Fatalf("first save: status %d", res.Status)
		}
		res = b.post(edit, edit, mine)
		if res.Status != http.StatusConflict {
			t.Fatalf("stale save: status = %d, want 409", res.Status)
		}
		wantContains(t, res.Body, "Forslaget er ændret af en anden", "Dine ændringer er <strong>ikke gemt</strong>",
			`value="Min udgave af titlen"`, "Mit nye resumé, som ikke må gå tabt.", `name="version" value="2"`)
		pr, err := a.svc.GetProposal(context.Background(), domain.System, id)
		if err != nil || pr.Title != "Den andens udgave" {
			t.Fatalf("stored title = %q (%v), want the first save kept", pr.Title, err)
		}
	})
}

func TestProposalPage(t *testing.T) {
	a := newTestApp(t, true)
	pr := a.firstPublished(t)
	t.Run("EstimateForAnUnknownMunicipalityIsAFieldError", func(t *testing.T) {
		res := a.browser(t).get("/forslag/" + pr.ID + "?kommune=999")
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Vælg en kommune på listen.") {
			t.Fatalf("status = %d, want 422 with the message", res.Status)
		}
	})
	t.Run("StaffRecordAnAdoptionForTheirMunicipality", func(t *testing.T) {
		b := a.browser(t)
		b.login("aarhus@demo.idebank.dk")
		path := "/forslag/" + pr.ID
		res := b.post(path, path+"/anvendelse", url.Values{"status": {"adopted"}, "expected_dkk": {"1.200.000"}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("status = %d, want 303\n%s", res.Status, res.Body)
		}
		wantContains(t, b.get(res.Location).Body, "det er registreret", "Aarhus", "Vedtaget", "1.200.000 kr.")
		wantContains(t, b.get("/kommuner/751").Body, html.EscapeString(pr.Title), "1.200.000 kr.")
	})
	t.Run("RejectWithoutReasonShowsTheMessageAtTheField", func(t *testing.T) {
		b := a.browser(t)
		b.login(editorEmail)
		page, err := a.svc.ListProposals(context.Background(), domain.System, domain.ProposalFilter{Statuses: []domain.Status{domain.StatusSubmitted}, PerPage: 1})
		if err != nil || len(page.Items) == 0 {
			t.Fatalf("no submitted demo proposal: %v", err)
		}
		sub := page.Items[0]
		path := "/forslag/" + sub.ID
		res := b.post(path, path+"/status", url.Values{"action": {"reject"}, "version": {strconv.Itoa(sub.Version)}, "reason": {"  "}})
		if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "Skriv en begrundelse for afvisningen") {
			t.Fatalf("status = %d, want 422 with the reason message", res.Status)
		}
	})
	t.Run("PublicSeesNoActions", func(t *testing.T) {
		res := a.browser(t).get("/forslag/" + pr.ID)
		if strings.Contains(res.Body, `id="handlinger"`) || strings.Contains(res.Body, "Vi bruger denne idé") {
			t.Fatal("the public page offers staff or editor actions")
		}
	})
}

// withVersion sets the version field of form.
func withVersion(form url.Values, v int) url.Values {
	form.Set("version", strconv.Itoa(v))
	return form
}

// cookieNamed returns the Set-Cookie of name in h, or nil.
func cookieNamed(h http.Header, name string) *http.Cookie {
	for _, ck := range (&http.Response{Header: h}).Cookies() {
		if ck.Name == name {
			return ck
		}
	}
	return nil
}
