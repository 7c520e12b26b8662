package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/idebank/idebank/bench"
)

func main() {
	size := flag.Int("size", 1000, "")
	dur := flag.Duration("duration", 2*time.Second, "")
	out := flag.String("out", "/tmp/bench-out", "")
	writes := flag.Int("writes", 30, "")
	crud := flag.Int("crud", 50, "")
	prof := flag.String("cpuprofile", "", "")
	flag.Parse()
	if *prof != "" {
		f, _ := os.Create(*prof)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	rep, err := bench.Run(context.Background(), bench.Config{Size: *size, PostgresURL: os.Getenv("IDEBANK_TEST_DATABASE_URL"), OutDir: *out, Duration: *dur, Progress: os.Stderr, Writes: *writes, CRUDOps: *crud})
	if err != nil {
		fmt.Println("ERR", err)
	}
	if rep != nil {
		rep.WriteTables(os.Stdout)
	}
}
