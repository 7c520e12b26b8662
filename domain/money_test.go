package domain

import "testing"

func TestPerResidentOre(t *testing.T) {
	tests := []struct {
		name       string
		amount     int64
		population int64
		want       int64
	}{
		{"Frederikssund full effect", 900000, 46358, 1941},
		{"rounds half up", 5, 1000, 1}, // 0.5 øre
		{"rounds down below half", 4, 1000, 0},
		{"exact", 100000, 1000, 10000},
		{"zero population gives zero", 1000, 0, 0},
		{"negative amount rounds away from zero", -5, 1000, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PerResidentOre(tt.amount, tt.population); got != tt.want {
				t.Fatalf("PerResidentOre(%d, %d) = %d, want %d", tt.amount, tt.population, got, tt.want)
			}
		})
	}
}

func TestFormatKroner(t *testing.T) {
	tests := map[int64]string{0: "0 kr.", 999: "999 kr.", 1000: "1.000 kr.", 1234567: "1.234.567 kr.", -2500: "-2.500 kr."}
	for in, want := range tests {
		if got := FormatKroner(in); got != want {
			t.Errorf("FormatKroner(%d) = %q, want %q", in, got, want)
		}
	}
}

func TestFormatOre(t *testing.T) {
	tests := map[int64]string{1957: "19,57", 5: "0,05", 123456789: "1.234.567,89", -150: "-1,50"}
	for in, want := range tests {
		if got := FormatOre(in); got != want {
			t.Errorf("FormatOre(%d) = %q, want %q", in, got, want)
		}
	}
}
