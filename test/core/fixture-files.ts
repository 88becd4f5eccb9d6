// Lists the fixture notes: the real corpus copied from ../shared/corpus and hand-written quirk notes.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const FIXTURES = join(__dirname, "..", "fixtures");

export function listNotes(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listNotes(full));
		else if (entry.name.endsWith(".md") && entry.name !== "README.md") out.push(full);
	}
	return out.sort();
}

export function readFixture(path: string): { path: string; text: string } {
	return { path: relative(FIXTURES, path).split("\\").join("/"), text: readFileSync(path, "utf8") };
}
