// What a line of a note is: a first look at its first character (most lines are plain text, so no regex
// runs on them), then the shapes the note scanner tells apart: fences, message headers, rules and
// frontmatter keys (footer lines: footer-line.ts).

/** What a line may be, from its first character (see NoteLines.kind). */
export const TEXT = 0;
export const FENCE = 1;
export const STAR = 2;
export const DASH = 3;
export const ANY = 4;
/** No character at all: the line is skipped whatever the scanner is in (fence, footer or body). */
export const EMPTY = 5;

// The shapes below are the rules. The scanner reads the hot ones by hand on the note text (NoteLines:
// fenceAt, frontmatterOpen, role, isRule), without a slice or a regex call; test/core/note-lines.test.ts
// checks each against these definitions.
export const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
export const FRONTMATTER_OPEN = /^---([A-Za-z]*)\s*$/;
export const YAML_KEY = /^([A-Za-z_][\w-]*):(?:\s|$)/;
export const YAML_LINE = /^(?:[A-Za-z_][\w-]*:(?:\s|$)|\s*-(?:\s|$)|\s+\S|\s*#|\s*$)/;

export function messageRole(line: string): "user" | "assistant" | null {
	const text = line.trim();
	if (text === "**USER**") return "user";
	if (text === "**ASSISTANT**") return "assistant";
	return null;
}

export const isBlank = (line: string | undefined): boolean => line !== undefined && line.trim() === "";
export const isRule = (line: string | undefined): boolean => line !== undefined && line.trimEnd() === "---";
