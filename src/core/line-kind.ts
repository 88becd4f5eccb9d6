// A first look at a line before the note scanner runs any regex on it: most lines are plain text.

/**
 * What a line may be, from its first character after spaces and tabs, before any regex runs: `FENCE`
 * (backtick or tilde), `STAR` (a message header), `DASH` (a rule), `ANY` (a character `trim()` might drop,
 * so every check runs) or `TEXT` (none of these: plain text).
 */
export const TEXT = 0;
export const FENCE = 1;
export const STAR = 2;
export const DASH = 3;
export const ANY = 4;

export function lineKind(line: string): number {
	const first = line.charCodeAt(0);
	if (first === 45) return DASH; // "-": a rule never has leading white space
	let i = 0;
	let c = first;
	while (c === 32 || c === 9) c = line.charCodeAt(++i);
	if (c === 96 || c === 126) return FENCE; // ` ~
	if (c === 42) return STAR; // *
	// Other white space (and anything beyond ASCII, where trim() also drops characters): check everything.
	if (c < 33 || c > 126) return Number.isNaN(c) ? TEXT : ANY;
	return TEXT;
}

/** The line's last character, if it is not white space, is not a dash: it cannot end with a glued `---`. */
export function cannotEndInRule(line: string): boolean {
	const c = line.charCodeAt(line.length - 1);
	return c !== 45 && c > 32 && c < 127;
}
