import { expect, test } from "vitest";
import { invalidNameReason, planNoteCreation } from "../../src/core/note-creation-plan";

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
		{ target: "what is negative prompting?", count: 1, status: "invalid", reason: 'Holds "?": file names can\'t hold it on every device.' },
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
