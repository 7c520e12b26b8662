package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"time"
)

// runHealthcheck asks a running server's /healthz and fails unless it
// answers 200. Container images without curl use it as their health check.
func runHealthcheck(ctx context.Context, cl *cli, args []string) error {
	fs := cl.flagSet("healthcheck")
	url := fs.String("url", "", "`URL` to check; default /healthz on the configured address")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	if *url == "" {
		u, err := localURL(cl.cfg.Addr)
		if err != nil {
			return err
		}
		*url = u + "/healthz"
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", *url, resp.Status)
	}
	fmt.Fprintln(cl.stdout, "ok")
	return nil
}

// localURL is the loopback URL of a listen address such as ":8080".
func localURL(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("healthcheck: address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port), nil
}
