import { expect, test } from "vitest";
import { invalidNameReason, noteNameFor, notePathIn, planNoteCreation } from "../../src/core/note-creation-plan";
import { ThreadIndex } from "../../src/core/thread-index";

test("targets become paths in the folder; existing and repeated ones are never planned twice", () => {
	const existing = new Set(["concepts/entropy.md"]);
	const plan = planNoteCreation(
		[
			{ target: "diffusion models", count: 4 },
			{ target: "Entropy", count: 2 },
			{ target: "people/Katherine Crowson", count: 1 },
			{ target: "what is negative prompting?", count: 1 },
			{ target: "c# basics", count: 1 },
			{ target: "DIFFUSION MODELS", count: 1 },
		],
		"Concepts/",
		(p) => existing.has(p.toLowerCase()),
	);
	expect(plan).toEqual([
		{ target: "diffusion models", count: 4, status: "create", path: "Concepts/diffusion models.md" },
		{ target: "Entropy", count: 2, status: "exists", path: "Concepts/Entropy.md" },
		{ target: "people/Katherine Crowson", count: 1, status: "create", path: "people/Katherine Crowson.md" },
		{ target: "what is negative prompting?", count: 1, status: "create", path: "Concepts/what is negative prompting.md" },
		{ target: "c# basics", count: 1, status: "invalid", reason: 'Holds "#": a link to a file named with it points elsewhere.' },
		{ target: "DIFFUSION MODELS", count: 1, status: "duplicate", path: "Concepts/DIFFUSION MODELS.md", sameAs: "diffusion models" },
	]);
});

test.each([
	["", "The name is empty."],
	["a|b", 'Holds "|": file names can\'t hold it on every device.'],
	[".hidden", "Starts with a dot, which hides the file."],
	["CON", "A name Windows reserves."],
	["x".repeat(201), "Longer than 200 characters."],
	["a//b", "Holds an empty or parent folder name."],
	["../escape", "Holds an empty or parent folder name."],
	["<script>alert(1)</script>", 'Holds "<": file names can\'t hold it on every device.'],
	["lattice.png", "Points to a png file, not a note: add the file to the vault instead."],
	["papers/attention.PDF", "Points to a pdf file, not a note: add the file to the vault instead."],
])("%s is refused: %s", (target, reason) => {
	expect(invalidNameReason(target)).toBe(reason);
});

test("ordinary titles are fine", () => {
	expect(invalidNameReason("negative prompting tells a diffusion model what to avoid")).toBeNull();
	expect(invalidNameReason("thing (a)")).toBeNull();
	expect(invalidNameReason("node.js")).toBeNull();
	// The generator's own file names keep a trailing dot before .md.
	expect(invalidNameReason("negative prompting tells a diffusion model what to avoid.")).toBeNull();
});

test.each([
	["what is 2 * 3?", "what is 2  3"],
	["The thing: a <b>?", "thing a b"],
	['a "quoted" word', "a quoted word"],
	["ratio 1/2?", "ratio 12"],
])("a raw title %j gets the generator's file name %j", (target, name) => {
	expect(noteNameFor(target)).toEqual({ name });
});

test("names that stay unusable once sanitized are refused with the first reason", () => {
	expect(noteNameFor("c# basics?")).toEqual({ reason: 'Holds "?": file names can\'t hold it on every device.' });
	expect(noteNameFor("???")).toEqual({ reason: 'Holds "?": file names can\'t hold it on every device.' });
	expect(noteNameFor("what is con?")).toEqual({ name: "what is con" });
	expect(noteNameFor("<con>")).toEqual({ reason: 'Holds "<": file names can\'t hold it on every device.' });
});

test("a note created under the planned name resolves the link it was made for", () => {
	const index = new ThreadIndex();
	const targets = ["what is 2 * 3?", "The thing: a <b>?", "people/Katherine Crowson", "negative prompting"];
	index.set("chat.md", targets.map((t) => `see [[${t}]]`).join("\n"));
	expect(index.unresolvedForNote("chat.md").map((u) => u.target)).toHaveLength(4);
	for (const target of targets) {
		const named = noteNameFor(target);
		if (!("name" in named)) throw new Error(named.reason);
		index.set(notePathIn("Concepts", named.name), "");
	}
	expect(index.unresolvedForNote("chat.md")).toEqual([]);
	expect(index.resolve("what is 2 * 3?", "chat.md")).toBe("Concepts/what is 2  3.md");
	expect(index.resolve("people/Katherine Crowson", "chat.md")).toBe("people/Katherine Crowson.md");
});
