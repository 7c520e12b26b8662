package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/frontend"
	"github.com/idebank/idebank/internal/demo"
)

// Timeouts of the HTTP server beyond the per-request deadline.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 60 * time.Second // large enough for a 50 MiB import
	idleTimeout       = 120 * time.Second
	writeMargin       = 5 * time.Second // lets a timed-out handler still write its error
	shutdownTimeout   = 15 * time.Second
)

// runServe starts the web server and serves until ctx is cancelled, then
// shuts down gracefully.
func runServe(ctx context.Context, cl *cli, args []string) (err error) {
	fs := cl.flagSet("serve")
	if err := cl.parse(fs, args, false); err != nil {
		return err
	}
	cfg := cl.cfg
	log := newLogger(cfg, cl.stderr)
	a, err := openApp(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeInto(&err, a)
	if cfg.Demo {
		if err := seedDemo(ctx, a, cl.stdout); err != nil {
			return err
		}
	}

	si, err := startSearch(ctx, a, cfg)
	if err != nil {
		return err
	}
	defer closeInto(&err, si)
	ready := func(ctx context.Context) error {
		if err := a.db.Ping(ctx); err != nil {
			return err
		}
		return si.ix.Ready()
	}
	srv := api.NewServer(a.svc, api.Options{Logger: log, Ready: ready, RequestTimeout: cfg.RequestTimeout})
	frontend.Register(srv.Echo(), a.svc, frontend.Options{Logger: log})
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	// One write, so that a reader who sees the address also sees the logins.
	var banner bytes.Buffer
	fmt.Fprintf(&banner, "Idébank kører på %s\n", baseURL(ln.Addr()))
	if cfg.Demo {
		printDemoLogins(ctx, a, &banner)
	}
	if _, err := cl.stdout.Write(banner.Bytes()); err != nil {
		return errors.Join(fmt.Errorf("serve: %w", err), ln.Close())
	}
	log.Info("serving", "addr", ln.Addr().String(), "dialect", a.db.Dialect())
	return serveUntilDone(ctx, newHTTPServer(cfg, srv, log), ln, log)
}

// newHTTPServer returns the HTTP server of h with every timeout set, so
// that slow or idle clients cannot hold connections forever.
func newHTTPServer(cfg Config, h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      cfg.RequestTimeout + writeMargin,
		IdleTimeout:       idleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// serveUntilDone serves on ln until ctx is cancelled, then stops taking
// connections and waits up to shutdownTimeout for requests in flight.
func serveUntilDone(ctx context.Context, hs *http.Server, ln net.Listener, log *slog.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("stopped")
	return nil
}

// baseURL is the address a browser on this machine reaches the server at.
func baseURL(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String()
	}
	host := "localhost"
	if !tcp.IP.IsUnspecified() {
		host = tcp.IP.String()
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(tcp.Port))
}

// seedDemo loads the demo users and proposals into an empty database; a
// database that already has proposals is left as it is.
func seedDemo(ctx context.Context, a *app, w io.Writer) error {
	res, err := demo.Seed(ctx, a.svc)
	if errors.Is(err, demo.ErrNotEmpty) {
		a.log.Debug("demo data skipped: database not empty")
		return nil
	}
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(w, "Demodata indlæst: %d forslag\n", res.Proposals)
	return nil
}

// printDemoLogins lists the demo users that exist in the database.
func printDemoLogins(ctx context.Context, a *app, w io.Writer) {
	var found []demo.UserSpec
	for _, u := range demo.Users {
		if _, err := a.svc.Users.FindUserByEmail(ctx, u.Email); err == nil {
			found = append(found, u)
		}
	}
	if len(found) == 0 {
		return
	}
	fmt.Fprintln(w, "Demologins (e-mail / adgangskode / rolle):")
	for _, u := range found {
		role := string(u.Role)
		if u.MunicipalityCode != "" {
			role += ", kommune " + u.MunicipalityCode
		}
		fmt.Fprintf(w, "  %s / %s / %s\n", u.Email, demo.Password, role)
	}
}
