package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/searcher"
)

// Options configure Open. The zero value gives the defaults.
type Options struct {
	// OpenTimeout bounds opening an existing index (default 10 s).
	OpenTimeout time.Duration
	// BatchSize is the number of proposals per batch in Rebuild (default 500).
	BatchSize int
	// Logf reports recoveries such as a corrupt or outdated index (default: none).
	Logf func(format string, args ...any)
	// CachedResults is how many search results are kept while the index
	// does not change (default 1000; negative: none).
	CachedResults int
}

func (o Options) withDefaults() Options {
	if o.OpenTimeout <= 0 {
		o.OpenTimeout = 10 * time.Second
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 500
	}
	if o.Logf == nil {
		o.Logf = func(string, ...any) {}
	}
	if o.CachedResults == 0 {
		o.CachedResults = defaultCachedResults
	}
	return o
}

// maxClauses bounds how many terms one query may expand to (fuzzy terms
// included), so that no query can take the engine down.
const maxClauses = 1024

var setClauseLimit sync.Once

// Files in the index directory: the lock, and the name of the live generation.
const (
	currentFile = "CURRENT"
	genPrefix   = "gen-"
	versionKey  = "mapping_version"
)

// Index is the search index of published proposals in one directory, held
// exclusively by one process. The live index is one "generation"
// subdirectory; Rebuild builds a new generation next to it and swaps it in
// while searches continue on the old one.
type Index struct {
	dir      string
	opts     Options
	lock     *os.File
	synonyms *synonyms
	curated  []string

	mu  sync.RWMutex // guards cur; searches hold it for reading
	cur *generation

	rebuildMu  sync.Mutex // one rebuild at a time
	stale      atomic.Bool
	rebuilding atomic.Bool
	closed     atomic.Bool

	touchedMu sync.Mutex
	touched   map[string]bool // proposals written while a rebuild runs; nil otherwise
}

// generation is one bleve index directory with its vocabulary.
type generation struct {
	name   string
	idx    bleve.Index
	az     analyzers
	lex    *lexicon
	facets *facetTable
	// state counts the writes applied: searches are cached per state.
	state   atomic.Uint64
	results *resultCache
}

// Open opens (or creates) the index in dir. It fails fast with ErrLocked
// when another process uses dir. A missing, corrupt or outdated index is
// replaced by an empty one and marked stale: Ready reports it until
// Reconcile or Rebuild has filled it from the database.
func Open(dir string, o Options) (*Index, error) {
	o = o.withDefaults()
	setClauseLimit.Do(func() { searcher.DisjunctionMaxClauseCount = maxClauses })
	syn, err := loadSynonyms()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("search: create %s: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	x := &Index{dir: dir, opts: o, lock: lock, synonyms: syn, curated: curatedList()}
	gen, err := x.openCurrent()
	if err != nil {
		if !errors.Is(err, errNoIndex) {
			o.Logf("search: index in %s is unusable (%v); it will be rebuilt", dir, err)
		}
		if gen, err = x.newGeneration(); err != nil {
			unlockDir(lock)
			return nil, err
		}
		x.stale.Store(true)
	}
	x.cur = gen
	x.removeOtherGenerations(gen.name)
	return x, nil
}

// errClosed is returned after Close.
var errClosed = errors.New("search: index closed")

// errNoIndex means the directory holds no index yet.
var errNoIndex = errors.New("no index yet")

// openCurrent opens the generation named in CURRENT and checks its mapping version.
func (x *Index) openCurrent() (*generation, error) {
	b, err := os.ReadFile(filepath.Join(x.dir, currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, errNoIndex
	}
	if err != nil {
		return nil, fmt.Errorf("search: read %s: %w", currentFile, err)
	}
	name := strings.TrimSpace(string(b))
	if !strings.HasPrefix(name, genPrefix) || strings.ContainsAny(name, `/\`) {
		return nil, fmt.Errorf("search: %s names %q", currentFile, name)
	}
	if err := checkFiles(filepath.Join(x.dir, name)); err != nil {
		return nil, err
	}
	idx, err := openWithTimeout(filepath.Join(x.dir, name), x.opts.OpenTimeout)
	if err != nil {
		return nil, err
	}
	gen, err := x.checkGeneration(name, idx)
	if err != nil {
		idx.Close()
		return nil, err
	}
	return gen, nil
}

// checkGeneration verifies an opened index and loads its vocabulary.
func (x *Index) checkGeneration(name string, idx bleve.Index) (gen *generation, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("search: index %s is corrupt: %v", name, r)
		}
	}()
	v, err := idx.GetInternal([]byte(versionKey))
	if err != nil {
		return nil, fmt.Errorf("search: read mapping version: %w", err)
	}
	if string(v) != mappingVersion() {
		return nil, fmt.Errorf("search: mapping version %q, want %q", v, mappingVersion())
	}
	ctx, cancel := context.WithTimeout(context.Background(), x.opts.OpenTimeout)
	defer cancel()
	if _, err := idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 1, 0, false)); err != nil {
		return nil, fmt.Errorf("search: index %s is unreadable: %w", name, err)
	}
	gen = &generation{name: name, idx: idx, az: newAnalyzers(idx.Mapping()), facets: newFacetTable(), results: newResultCache(x.opts.CachedResults)}
	gen.lex = newLexicon(gen.az, x.curated)
	words, err := readVocabulary(idx)
	if err != nil {
		return nil, err
	}
	gen.lex.add(words)
	return gen, nil
}

// readVocabulary returns the indexed words with their document counts.
func readVocabulary(idx bleve.Index) (map[string]int, error) {
	d, err := idx.FieldDict(fVocab)
	if err != nil {
		return nil, fmt.Errorf("search: read vocabulary: %w", err)
	}
	defer d.Close()
	words := map[string]int{}
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("search: read vocabulary: %w", err)
		}
		if e == nil {
			return words, nil
		}
		words[e.Term] = int(e.Count)
	}
}

// openWithTimeout opens a bleve index, giving up after timeout.
func openWithTimeout(path string, timeout time.Duration) (bleve.Index, error) {
	type result struct {
		idx bleve.Index
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- result{err: fmt.Errorf("search: open %s: %v", path, r)}
			}
		}()
		idx, err := bleve.OpenUsing(path, map[string]interface{}{"bolt_timeout": timeout.String()})
		ch <- result{idx, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			return nil, fmt.Errorf("search: open %s: %w", path, r.err)
		}
		return r.idx, nil
	case <-time.After(timeout):
		go func() {
			if r := <-ch; r.idx != nil {
				r.idx.Close()
			}
		}()
		return nil, fmt.Errorf("search: open %s: timed out after %s", path, timeout)
	}
}

// newGeneration creates an empty index in a fresh directory.
func (x *Index) newGeneration() (*generation, error) {
	m, err := buildMapping()
	if err != nil {
		return nil, fmt.Errorf("search: mapping: %w", err)
	}
	name := fmt.Sprintf("%s%d", genPrefix, time.Now().UnixNano())
	idx, err := bleve.NewUsing(filepath.Join(x.dir, name), m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("search: create index: %w", err)
	}
	if err := idx.SetInternal([]byte(versionKey), []byte(mappingVersion())); err != nil {
		idx.Close()
		os.RemoveAll(filepath.Join(x.dir, name))
		return nil, fmt.Errorf("search: stamp mapping version: %w", err)
	}
	az := newAnalyzers(idx.Mapping())
	return &generation{name: name, idx: idx, az: az, lex: newLexicon(az, x.curated), facets: newFacetTable(), results: newResultCache(x.opts.CachedResults)}, nil
}

// writeCurrent atomically records name as the live generation.
func (x *Index) writeCurrent(name string) error {
	tmp := filepath.Join(x.dir, currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("search: write %s: %w", currentFile, err)
	}
	if _, err := f.WriteString(name + "\n"); err != nil {
		f.Close()
		return fmt.Errorf("search: write %s: %w", currentFile, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("search: sync %s: %w", currentFile, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("search: write %s: %w", currentFile, err)
	}
	if err := os.Rename(tmp, filepath.Join(x.dir, currentFile)); err != nil {
		return fmt.Errorf("search: write %s: %w", currentFile, err)
	}
	return nil
}

// removeOtherGenerations deletes generation directories other than keep
// (left over from a crash or a replaced index).
func (x *Index) removeOtherGenerations(keep string) {
	entries, err := os.ReadDir(x.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && strings.HasPrefix(e.Name(), genPrefix) && e.Name() != keep {
			if err := os.RemoveAll(filepath.Join(x.dir, e.Name())); err != nil {
				x.opts.Logf("search: remove old index %s: %v", e.Name(), err)
			}
		}
	}
}

// ErrDegraded is returned by Ready while the index is being rebuilt or
// waits for its first rebuild.
var ErrDegraded = errors.New("search: degraded: rebuilding")

// Ready returns nil when the index is current, ErrDegraded while it is
// rebuilt (searches still answer from the old index), and an error after Close.
func (x *Index) Ready() error {
	switch {
	case x.closed.Load():
		return errClosed
	case x.rebuilding.Load() || x.stale.Load():
		return ErrDegraded
	}
	return nil
}

// Close closes the index and releases the directory lock.
func (x *Index) Close() error {
	if x.closed.Swap(true) {
		return nil
	}
	x.rebuildMu.Lock()
	defer x.rebuildMu.Unlock()
	x.mu.Lock()
	defer x.mu.Unlock()
	err := x.cur.idx.Close()
	if uerr := unlockDir(x.lock); err == nil {
		err = uerr
	}
	if err != nil {
		return fmt.Errorf("search: close: %w", err)
	}
	return nil
}

// live returns the current generation with the read lock held; call the
// returned function to release it.
func (x *Index) live() (*generation, func(), error) {
	x.mu.RLock()
	if x.closed.Load() {
		x.mu.RUnlock()
		return nil, nil, errClosed
	}
	return x.cur, x.mu.RUnlock, nil
}
