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
// public would, with facets and highlights. fresh searches every time;
// otherwise a repeated query may be answered from the index's result cache,
// as in production.
func ServiceSearch(svc *domain.Service, fresh bool) Target {
	return func(ctx context.Context, q string) error {
		_, err := svc.Search(ctx, domain.Public, domain.SearchRequest{Q: q, PerPage: perPage, Fresh: fresh})
		return err
	}
}

// HTTPSearch searches through GET /api/v1/search on the server at base;
// fresh sends Cache-Control: no-cache.
func HTTPSearch(c *http.Client, base string, fresh bool) Target {
	return func(ctx context.Context, q string) error {
		var h http.Header
		if fresh {
			h = http.Header{"Cache-Control": {"no-cache"}}
		}
		return httpGet(ctx, c, base+"/api/v1/search?per_page=20&q="+url.QueryEscape(q), h)
	}
}

// HTTPGet fetches one fixed path (the query argument is ignored).
func HTTPGet(c *http.Client, base, path string) Target {
	return func(ctx context.Context, _ string) error { return httpGet(ctx, c, base+path, nil) }
}

// httpGet fetches u with the headers h, reads the body and wants 200.
func httpGet(ctx context.Context, c *http.Client, u string, h http.Header) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	for k, v := range h {
		req.Header[k] = v
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
