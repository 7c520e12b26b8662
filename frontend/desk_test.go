package frontend_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
)

func TestDesk(t *testing.T) {
	a := newTestApp(t, true)

	t.Run("EditorMergesADuplicateAndItsURLRedirects", func(t *testing.T) {
		in := testutil.ValidProposalInput()
		keep := testutil.MustCreatePublished(t, a.svc, in)
		in.MunicipalityCode = "751"
		dup := testutil.MustCreatePublished(t, a.svc, in)
		b := a.browser(t)
		b.login(editorEmail)
		page := b.get("/forslag/" + dup.ID + "/dubletter")
		wantContains(t, page.Body, keep.Ref, "Læg "+dup.Ref+" ind i "+keep.Ref)
		res := b.post("/forslag/"+dup.ID+"/dubletter", "/forslag/"+dup.ID+"/sammenlaeg",
			url.Values{"version": {strconv.Itoa(dup.Version)}, "into": {keep.ID}})
		if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location, "/forslag/"+keep.ID) {
			t.Fatalf("merge: status %d to %q, want 303 to the kept proposal", res.Status, res.Location)
		}
		wantContains(t, b.get(res.Location).Body, "Forslaget er lagt sammen med et andet.")
		if res := a.browser(t).get("/forslag/" + dup.ID); res.Status != http.StatusMovedPermanently || res.Location != "/forslag/"+keep.ID {
			t.Fatalf("merged URL: status %d to %q, want 301 to the kept proposal", res.Status, res.Location)
		}
	})

	t.Run("StaffDeleteTheirDraft", func(t *testing.T) {
		b := a.browser(t)
		b.login(staffEmail)
		res := b.post("/forslag/nyt", "/forslag/nyt", validForm("Kladde der skal slettes igen"))
		path := strings.SplitN(res.Location, "?", 2)[0]
		if !strings.Contains(b.get(path).Body, "Slet forslaget") {
			t.Fatal("the draft offers no delete button")
		}
		res = b.post(path, path+"/slet", url.Values{"version": {"1"}})
		if res.Status != http.StatusSeeOther || res.Location != "/redaktion?besked=deleted" {
			t.Fatalf("delete: status %d to %q", res.Status, res.Location)
		}
		wantContains(t, b.get(res.Location).Body, "Forslaget er slettet.")
		if res := b.get(path); res.Status != http.StatusNotFound {
			t.Fatalf("deleted proposal: status %d, want 404", res.Status)
		}
	})

	t.Run("StaffSeeTheirOwnUnpublishedProposalsOnly", func(t *testing.T) {
		b := a.browser(t)
		b.login("aarhus@demo.idebank.dk")
		body := b.get("/redaktion").Body
		page, err := a.svc.ListProposals(context.Background(), domain.System, domain.ProposalFilter{
			Statuses: []domain.Status{domain.StatusDraft, domain.StatusSubmitted, domain.StatusRejected}, PerPage: domain.MaxPerPage,
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range page.Items {
			if shown := strings.Contains(body, pr.Ref); shown != (pr.Municipality.Code == "751") {
				t.Errorf("%s of %s shown = %v", pr.Ref, pr.Municipality.Name, shown)
			}
		}
	})

	t.Run("StaffGetTheDanish403ForEditorTools", func(t *testing.T) {
		b := a.browser(t)
		b.login(staffEmail)
		res := b.get("/forslag/" + a.firstPublished(t).ID + "/dubletter")
		if res.Status != http.StatusForbidden || !strings.Contains(res.Body, "Du har ikke adgang") {
			t.Fatalf("status %d, want 403 with the Danish page", res.Status)
		}
	})

	t.Run("PublicIsSentToLogin", func(t *testing.T) {
		res := a.browser(t).get("/redaktion")
		if res.Status != http.StatusSeeOther || res.Location != "/log-ind?next=%2Fredaktion" {
			t.Fatalf("status %d to %q, want the login", res.Status, res.Location)
		}
	})
}
