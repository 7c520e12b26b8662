package bench

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"github.com/idebank/idebank/api"
	"github.com/idebank/idebank/domain"
	"github.com/idebank/idebank/internal/password"
	"github.com/idebank/idebank/search"
	"github.com/idebank/idebank/store"
)

// postgres is the run's own schema in the given PostgreSQL database.
type postgres struct {
	admin   *sql.DB // the database as given, to create and drop the schema
	raw     *sql.DB // the schema, for the full-text baseline
	db      *store.DB
	schema  string
	keep    bool
	version string
}

// openPostgres creates a fresh schema, migrates it and loads the
// municipalities, so the run never touches existing data.
func openPostgres(ctx context.Context, base string, keep bool) (*postgres, error) {
	admin, err := sql.Open("pgx", base)
	if err != nil {
		return nil, fmt.Errorf("bench: open postgres: %w", err)
	}
	pg := &postgres{admin: admin, keep: keep, schema: fmt.Sprintf("bench_%d", time.Now().UnixNano())}
	if err := admin.QueryRowContext(ctx, "SHOW server_version").Scan(&pg.version); err != nil {
		return nil, errors.Join(fmt.Errorf("bench: postgres: %w", err), admin.Close())
	}
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA "`+pg.schema+`"`); err != nil {
		return nil, errors.Join(fmt.Errorf("bench: create schema: %w", err), admin.Close())
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("bench: postgres url: %w", err), pg.Close())
	}
	q := u.Query()
	q.Set("search_path", pg.schema)
	u.RawQuery = q.Encode()
	if pg.raw, err = sql.Open("pgx", u.String()); err != nil {
		return nil, errors.Join(fmt.Errorf("bench: open postgres: %w", err), pg.Close())
	}
	pg.raw.SetMaxOpenConns(40)
	pg.raw.SetMaxIdleConns(40)
	if pg.db, err = openStore(ctx, store.Options{DatabaseURL: u.String()}); err != nil {
		return nil, errors.Join(err, pg.Close())
	}
	return pg, nil
}

// openStore opens, migrates and fills a database with the municipalities.
func openStore(ctx context.Context, o store.Options) (*store.DB, error) {
	db, err := store.Open(ctx, o)
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	if err := db.LoadMunicipalities(ctx); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return db, nil
}

// Close closes the connections and drops the schema unless kept.
func (pg *postgres) Close() error {
	var errs []error
	if pg.db != nil {
		errs = append(errs, pg.db.Close())
	}
	if pg.raw != nil {
		errs = append(errs, pg.raw.Close())
	}
	if !pg.keep {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := pg.admin.ExecContext(ctx, `DROP SCHEMA "`+pg.schema+`" CASCADE`); err != nil {
			errs = append(errs, fmt.Errorf("bench: drop schema %s: %w", pg.schema, err))
		}
	}
	errs = append(errs, pg.admin.Close())
	return errors.Join(errs...)
}

// newService wires the domain service onto db and (optionally) an index.
func newService(db *store.DB, ix domain.Searcher) *domain.Service {
	return &domain.Service{
		Proposals: db, Municipalities: db, Comparison: db, Users: db,
		Hasher: password.New(password.DefaultOptions), Searcher: ix,
		Curation: db, Sessions: db,
	}
}

// env is the PostgreSQL-backed application under test: database, index,
// service, outbox indexer and HTTP API on a loopback port.
type env struct {
	pg      *postgres
	ix      *search.Index
	ixDir   string
	svc     *domain.Service
	munis   []domain.Municipality
	indexer *search.Indexer
	client  *http.Client
	base    string
	srv     *http.Server
	stop    context.CancelFunc
	wg      sync.WaitGroup
}

// indexerInterval is the outbox poll interval, the search package's default.
const indexerInterval = 150 * time.Millisecond

func newEnv(ctx context.Context, pg *postgres, indexDir string) (*env, error) {
	ix, err := search.Open(indexDir, search.Options{BatchSize: 500})
	if err != nil {
		return nil, err
	}
	munis, err := pg.db.ListMunicipalities(ctx)
	if err != nil {
		return nil, errors.Join(err, ix.Close())
	}
	e := &env{pg: pg, ix: ix, ixDir: indexDir, svc: newService(pg.db, ix), munis: munis, client: newHTTPClient()}
	e.indexer = search.NewIndexer(ix, pg.db, search.IndexerOptions{Interval: indexerInterval})
	pg.db.OnOutboxWrite(e.indexer.Notify) // as the server does
	return e, nil
}

// serve starts the outbox indexer and the HTTP API.
func (e *env) serve(ctx context.Context) error {
	ctx, e.stop = context.WithCancel(ctx)
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		_ = e.indexer.Run(ctx)
	}()
	base, srv, err := listen(api.NewServer(e.svc, api.Options{}))
	if err != nil {
		return err
	}
	e.base, e.srv = base, srv
	return nil
}

// listen serves h on a loopback port and returns its base URL.
func listen(h http.Handler) (string, *http.Server, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, fmt.Errorf("bench: listen: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(l) }()
	return "http://" + l.Addr().String(), srv, nil
}

// Close stops the server and the indexer and closes the index.
func (e *env) Close() error {
	var errs []error
	if e.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		errs = append(errs, e.srv.Shutdown(ctx))
	}
	if e.stop != nil {
		e.stop()
	}
	e.wg.Wait()
	errs = append(errs, e.ix.Close())
	return errors.Join(errs...)
}

func townNames(ms []domain.Municipality) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
