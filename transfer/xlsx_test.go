package transfer

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

var testTime = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func TestWriteXLSX_TypedFrozenAndDescribed(t *testing.T) {
	var buf bytes.Buffer
	info := ExportInfo{At: testTime, Sort: "per_resident", Filters: [][2]string{{"Fagområde", "Indkøb"}}}
	if err := WriteXLSX(&buf, proposalsForExport(), info); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != SheetProposals || got[1] != SheetFilter {
		t.Fatalf("sheets %v", got)
	}
	for cell, wantNumber := range map[string]bool{"M2": true, "AH2": true, "D2": false} { // savings_1, adoption_count, title
		typ, err := f.GetCellType(SheetProposals, cell)
		isNumber := typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset // numbers carry no type attribute
		if err != nil || isNumber != wantNumber {
			t.Errorf("%s: cell type %v (%v), want number %v", cell, typ, err, wantNumber)
		}
	}
	panes, err := f.GetPanes(SheetProposals)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
	if w, err := f.GetColWidth(SheetProposals, "D"); err != nil || w != 50 {
		t.Errorf("title width %v (%v)", w, err)
	}
	if v, _ := f.GetCellValue(SheetFilter, "B7"); v != "Indkøb" {
		t.Errorf("filter sheet B7 = %q", v)
	}
	if v, _ := f.GetCellValue(SheetFilter, "B3"); v != "2" {
		t.Errorf("count = %q", v)
	}
}
