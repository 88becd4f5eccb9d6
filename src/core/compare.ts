// The one string order of the index, the report and the scanner: by UTF-16 code units, the same on every
// machine and locale (localeCompare is not), so output and tests are deterministic.

export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
