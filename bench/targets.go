package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"github.com/idebank/idebank/domain"
)

// perPage is the page size of every search: the first page of 20.
const perPage = 20

// ServiceSearch searches in-process through the domain service as the
// public would, with facets and highlights.
func ServiceSearch(svc *domain.Service) Target {
	return func(ctx context.Context, q string) error {
		_, err := svc.Search(ctx, domain.Public, domain.SearchRequest{Q: q, PerPage: perPage})
		return err
	}
}

// HTTPSearch searches through GET /api/v1/search on the server at base.
func HTTPSearch(c *http.Client, base string) Target {
	return func(ctx context.Context, q string) error {
		return httpGet(ctx, c, base+"/api/v1/search?per_page=20&q="+url.QueryEscape(q))
	}
}

// HTTPGet fetches one fixed path (the query argument is ignored).
func HTTPGet(c *http.Client, base, path string) Target {
	return func(ctx context.Context, _ string) error { return httpGet(ctx, c, base+path) }
}

// httpGet fetches u, reads the body and wants 200.
func httpGet(ctx context.Context, c *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	res, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return fmt.Errorf("bench: read %s: %w", u, err)
	}
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("bench: GET %s: status %d", u, res.StatusCode)
	}
	return nil
}

// newHTTPClient keeps enough idle connections for the highest concurrency.
func newHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 256
	return &http.Client{Transport: t}
}
