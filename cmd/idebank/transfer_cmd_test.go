package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportAndExportCommands(t *testing.T) {
	forEachBackend(t, func(t *testing.T, env testEnv) {
		template := filepath.Join("..", "..", "docs", "import-template.csv")
		out := MustRunCommand(t, env, "import", template, "--dry-run")
		if !strings.Contains(out, "Prøvekørsel, intet er gemt: 2 oprettet") {
			t.Errorf("dry run: %s", out)
		}
		if out := MustRunCommand(t, env, "import", "--publish", template); !strings.Contains(out, "Importeret: 2 oprettet") {
			t.Errorf("import: %s", out)
		}
		if out := MustRunCommand(t, env, "import", template); !strings.Contains(out, "0 oprettet, 0 opdateret, 2 uændret") {
			t.Errorf("second import: %s", out)
		}

		exported := filepath.Join(t.TempDir(), "eksport.xlsx")
		MustRunCommand(t, env, "export", "--format", "xlsx", "--out", exported, "--sort", "per_resident")
		if out := MustRunCommand(t, env, "import", exported); !strings.Contains(out, "2 uændret") {
			t.Errorf("re-import of the export: %s", out)
		}
		csv := MustRunCommand(t, env, "export", "--municipality", "851")
		if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) < 2 || !strings.Contains(csv, ";Aalborg;") || strings.Contains(csv, "København") {
			t.Errorf("filtered csv export: %s", csv)
		}

		bad := filepath.Join(t.TempDir(), "fejl.csv")
		if err := os.WriteFile(bad, []byte("external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1\nk;Kort;S;skole;andet;999;2025;-1\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		err := run(context.Background(), []string{"import", bad}, env.getenv, &stdout, &stderr)
		if !errors.Is(err, errImportRefused) || !strings.Contains(stdout.String(), "Række 2 (k)") || !strings.Contains(stdout.String(), "Kommunekoden 999 findes ikke.") {
			t.Errorf("refused import: err %v, stdout %s", err, stdout.String())
		}
	})
}
