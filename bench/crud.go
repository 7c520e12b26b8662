package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"time"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/store"
)

// The CRUD operations, in the order one cycle runs them.
var crudOps = []string{"create", "get", "update", "delete"}

// runCRUD measures the proposal API's create, get, update and delete over
// HTTP on PostgreSQL (the loaded corpus) and on SQLite loaded with the
// same corpus, one client at a time.
func runCRUD(ctx context.Context, cfg Config, e *env, work string, rep *Report, p *progress) error {
	pg, err := crud(ctx, cfg, e.svc, e.client, e.base, "postgres", p)
	if err != nil {
		return err
	}
	lite, err := openStore(ctx, store.Options{DataDir: filepath.Join(work, "sqlite")})
	if err != nil {
		return err
	}
	defer lite.Close()
	if _, err := Load(ctx, lite, cfg.Size, cfg.Seed, func(done int) { p.update("load corpus into SQLite: %d/%d", done, cfg.Size) }); err != nil {
		return err
	}
	svc := newService(lite, nil)
	base, srv, err := listen(api.NewServer(svc, api.Options{}))
	if err != nil {
		return err
	}
	defer srv.Close()
	sq, err := crud(ctx, cfg, svc, e.client, base, "sqlite", p)
	if err != nil {
		return err
	}
	for i, op := range crudOps {
		rep.CRUD = append(rep.CRUD, CRUDRow{Backend: "postgres", Op: op, Latency: pg[i]})
	}
	for i, op := range crudOps {
		rep.CRUD = append(rep.CRUD, CRUDRow{Backend: "sqlite", Op: op, Latency: sq[i], P99VsPG: ratio(sq[i].P99, pg[i].P99)})
	}
	p.done("API CRUD measured on PostgreSQL and SQLite")
	return nil
}

// crud runs cfg.CRUDOps create → get → update → delete cycles as the
// staff user of a new user of svc against the API at base.
func crud(ctx context.Context, cfg Config, svc *domain.Service, c *http.Client, base, backend string, p *progress) ([]Latency, error) {
	u, err := newUsers(ctx, svc, "crud-"+backend)
	if err != nil {
		return nil, err
	}
	recs := make([]*recorder, len(crudOps))
	for i := range recs {
		recs[i] = &recorder{}
	}
	cl := apiClient{c: c, base: base, token: u.staffToken}
	body, err := json.Marshal(requestBody(proposalInput("Fælles digital visitation i hjemmeplejen")))
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	for i := 0; i < cfg.CRUDOps && ctx.Err() == nil; i++ {
		p.update("API CRUD on %s: %d/%d", backend, i+1, cfg.CRUDOps)
		var id, etag string
		steps := []func() error{
			func() (err error) {
				id, etag, err = cl.do(ctx, http.MethodPost, "", "", body, http.StatusCreated)
				return err
			},
			func() (err error) { _, _, err = cl.do(ctx, http.MethodGet, id, "", nil, http.StatusOK); return err },
			func() (err error) {
				patch := []byte(fmt.Sprintf(`{"title":"Fælles digital visitation, version %d"}`, i))
				_, etag, err = cl.do(ctx, http.MethodPatch, id, etag, patch, http.StatusOK)
				return err
			},
			func() (err error) {
				_, _, err = cl.do(ctx, http.MethodDelete, id, etag, nil, http.StatusNoContent)
				return err
			},
		}
		for j, step := range steps {
			start := time.Now()
			err := step()
			recs[j].add(time.Since(start), err)
			if err != nil {
				break
			}
		}
	}
	out := make([]Latency, len(recs))
	for i, r := range recs {
		out[i] = r.summary(0)
	}
	return out, nil
}

// apiClient calls the proposal API with a bearer token.
type apiClient struct {
	c     *http.Client
	base  string
	token string
}

// do sends one request for proposal id ("" for the collection) and
// returns the proposal ID of the answer (if any) and its ETag.
func (a apiClient) do(ctx context.Context, method, id, ifMatch string, body []byte, want int) (string, string, error) {
	u := a.base + "/api/v1/proposals"
	if id != "" {
		u += "/" + id
	}
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return "", "", fmt.Errorf("bench: %w", err)
	}
	req.Header.Set("Authorization", "Bearer "+a.token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if ifMatch != "" {
		req.Header.Set("If-Match", ifMatch)
	}
	res, err := a.c.Do(req)
	if err != nil {
		return "", "", fmt.Errorf("bench: %s %s: %w", method, u, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return "", "", fmt.Errorf("bench: %s %s: %w", method, u, err)
	}
	if res.StatusCode != want {
		return "", "", fmt.Errorf("bench: %s %s: status %d: %s", method, u, res.StatusCode, b)
	}
	var out struct {
		ID string `json:"id"`
	}
	if len(b) > 0 {
		if err := json.Unmarshal(b, &out); err != nil {
			return "", "", fmt.Errorf("bench: %s %s: %w", method, u, err)
		}
	}
	if method == http.MethodPost && out.ID == "" {
		return "", "", errors.New("bench: create answered without an id")
	}
	return out.ID, res.Header.Get("ETag"), nil
}

// requestBody is in as the JSON body of POST /api/v1/proposals.
func requestBody(in domain.ProposalInput) map[string]any {
	savings := make([]map[string]any, len(in.Savings))
	for i, s := range in.Savings {
		savings[i] = map[string]any{"year": s.Year, "amount_dkk": s.AmountDKK}
	}
	return map[string]any{
		"title": in.Title, "summary": in.Summary, "description": in.Description,
		"policy_area": in.PolicyArea, "measure_type": in.MeasureType,
		"municipality_code": in.MunicipalityCode, "budget_year": in.BudgetYear,
		"savings": savings, "investment_dkk": in.InvestmentDKK,
		"evidence_level": in.EvidenceLevel, "tags": in.Tags,
		"contact": map[string]any{"role": in.Contact.Role, "email": in.Contact.Email},
	}
}
