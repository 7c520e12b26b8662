package api_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/testutil"
	"github.com/idebank/idebank/store"
)

// states are the proposal states of the matrix, in the column order of authzMatrix.
var states = []domain.Status{domain.StatusDraft, domain.StatusSubmitted, domain.StatusPublished, domain.StatusRejected, domain.StatusArchived}

// endpoint is one action of the matrix on proposal {id}.
type endpoint struct {
	name, method, path, body string
	write                    bool
}

var endpoints = []endpoint{
	{"GET", http.MethodGet, "", "", false},
	{"PATCH", http.MethodPatch, "", `{"title":"Ændret titel på forslaget"}`, true},
	{"DELETE", http.MethodDelete, "", "", true},
	{"submit", http.MethodPost, "/submit", "", true},
	{"publish", http.MethodPost, "/publish", "", true},
	{"reject", http.MethodPost, "/reject", `{"reason":"Mangler dokumentation."}`, true},
	{"archive", http.MethodPost, "/archive", "", true},
	{"history", http.MethodGet, "/history", "", false},
}

// authzMatrix is the expected status per endpoint and role, one per state
// in the order draft, submitted, published, rejected, archived. The proposal
// belongs to staffOwn's municipality. 404 means the caller may not see it,
// 401 that the anonymous caller must log in, 403 that the caller sees it but
// may not act, 409 that the action is not possible from that status.
var authzMatrix = map[string]map[string]string{
	"GET": {
		public: "404 404 200 404 404", staffOwn: "200 200 200 200 200", staffOther: "404 404 200 404 404",
		editor: "200 200 200 200 200", admin: "200 200 200 200 200"},
	"PATCH": {
		public: "404 404 401 404 404", staffOwn: "200 403 403 200 403", staffOther: "404 404 403 404 404",
		editor: "200 200 200 200 200", admin: "200 200 200 200 200"},
	"DELETE": {
		public: "404 404 401 404 404", staffOwn: "204 403 403 409 403", staffOther: "404 404 403 404 404",
		editor: "204 204 204 204 204", admin: "204 204 204 204 204"},
	"submit": {
		public: "404 404 401 404 404", staffOwn: "200 403 403 200 403", staffOther: "404 404 403 404 404",
		editor: "200 409 409 200 409", admin: "200 409 409 200 409"},
	"publish": {
		public: "404 404 401 404 404", staffOwn: "403 403 403 403 403", staffOther: "404 404 403 404 404",
		editor: "200 200 409 409 409", admin: "200 200 409 409 409"},
	"reject": {
		public: "404 404 401 404 404", staffOwn: "403 403 403 403 403", staffOther: "404 404 403 404 404",
		editor: "409 200 409 409 409", admin: "409 200 409 409 409"},
	"archive": {
		public: "404 404 401 404 404", staffOwn: "403 403 403 403 403", staffOther: "404 404 403 404 404",
		editor: "409 409 200 409 409", admin: "409 409 200 409 409"},
	"history": {
		public: "404 404 401 404 404", staffOwn: "200 200 200 200 200", staffOther: "404 404 403 404 404",
		editor: "200 200 200 200 200", admin: "200 200 200 200 200"},
}

// codeOf is the problem code each refusal status must carry.
var codeOf = map[int]string{401: "unauthenticated", 403: "forbidden", 404: "not_found", 409: "invalid_transition"}

func TestAuthorizationMatrix(t *testing.T) {
	testutil.ForEachBackend(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db, api.Options{})
		ctx := context.Background()
		for _, ep := range endpoints {
			for i, state := range states {
				for _, role := range roles {
					want, err := strconv.Atoi(strings.Fields(authzMatrix[ep.name][role])[i])
					if err != nil {
						t.Fatalf("matrix %s/%s: %v", ep.name, role, err)
					}
					t.Run(ep.name+"/"+string(state)+"/"+role, func(t *testing.T) {
						pr := mustProposalIn(t, f, state)
						before, err := f.svc.GetProposal(ctx, domain.System, pr.ID)
						if err != nil {
							t.Fatal(err)
						}
						rec := f.do(ep.method, "/api/v1/proposals/"+pr.ID+ep.path, ep.body,
							f.as(role, "If-Match", `"`+strconv.Itoa(pr.Version)+`"`))
						if rec.Code != want {
							t.Fatalf("status=%d, want %d; body: %s", rec.Code, want, rec.Body)
						}
						if want >= 400 {
							if p := checkProblem(t, rec, want); p.Code != codeOf[want] {
								t.Errorf("code=%s, want %s", p.Code, codeOf[want])
							}
						}
						if !ep.write || want < 400 {
							return
						}
						after, err := f.svc.GetProposal(ctx, domain.System, pr.ID)
						if err != nil {
							t.Fatalf("refused %s lost the proposal: %v", ep.name, err)
						}
						if diff := cmp.Diff(before, after); diff != "" {
							t.Errorf("refused %s changed the stored proposal (-before +after):\n%s", ep.name, diff)
						}
					})
				}
			}
		}
	})
}

// mustProposalIn creates a proposal of staffOwn's municipality and moves it to state.
func mustProposalIn(t *testing.T, f *fixture, state domain.Status) *domain.Proposal {
	t.Helper()
	pr := testutil.MustCreateProposal(t, f.svc, f.principals[staffOwn], testutil.ValidProposalInput())
	steps := map[domain.Status][]domain.Action{
		domain.StatusSubmitted: {domain.ActionSubmit},
		domain.StatusPublished: {domain.ActionPublish},
		domain.StatusRejected:  {domain.ActionSubmit, domain.ActionReject},
		domain.StatusArchived:  {domain.ActionPublish, domain.ActionArchive},
	}
	for _, a := range steps[state] {
		reason := ""
		if a == domain.ActionReject {
			reason = "Begrundelse for afvisningen."
		}
		pr = testutil.MustTransition(t, f.svc, pr, a, reason)
	}
	if pr.Status != state {
		t.Fatalf("set-up: status %s, want %s", pr.Status, state)
	}
	return pr
}
