import { join } from "node:path";
import { expect, test } from "vitest";
import { renderReportMarkdown } from "../../src/core/report-markdown";
import { ThreadIndex } from "../../src/core/thread-index";
import { buildVaultReport } from "../../src/core/vault-report";
import { FIXTURES, listNotes, readFixture } from "./fixture-files";

function indexOf(folders: string[]): ThreadIndex {
	const index = new ThreadIndex();
	for (const folder of folders) {
		for (const file of listNotes(join(FIXTURES, folder))) {
			const { path, text } = readFixture(file);
			index.set(path.replace(/^corpus\/chat2obs\//, ""), text);
		}
	}
	return index;
}

test("the report on a mixed vault, as Markdown", () => {
	const index = indexOf([
		"corpus/chat2obs/E10-065006d/edge-adjacent_same_title_conv",
		"corpus/chat2obs/E10-065006d/oai_x2",
		"corpus/chat2obs/E07-81d6173/claude",
		"hand",
	]);
	const report = buildVaultReport(index, { longestThreads: 3, unresolved: 5 });
	expect(report.conversationNotes).toBeGreaterThan(0);
	expect(renderReportMarkdown(report)).toMatchInlineSnapshot(`
		"# Conversation threads report

		- Files: 28
		- Conversation notes: 20
		- Threads: 12
		- Threads with broken chains: 5
		- Unresolved targets shown: 5

		## Longest threads

		1. \`c0000000-0000-0000-0000-000000000001\`: 5 exchanges, starts at \`E07-81d6173/claude/tell me about classifier-free guidance.md\`
		1. \`bad-yaml-1\`: 3 exchanges (2 missing), starts at \`hand/invalid yaml title.md\`
		1. \`fence-1\`: 3 exchanges (2 missing), starts at \`hand/unclosed code fence.md\`

		## Broken chains

		- \`bad-yaml-1\`
		  - missing exchange: who are you
		  - missing exchange: what can you do
		- \`c0000000-0000-0000-0000-000000000001\`
		  - fork at \`E07-81d6173/claude/negative prompting.md\`: negative prompting tells a diffusion model what to avoid. / tell me about classifier-free guidance
		  - cycle: \`E07-81d6173/claude/tell me about classifier-free guidance.md\` → \`E07-81d6173/claude/what are some tricks with it.md\` → \`E07-81d6173/claude/i think negative prompting predates stable diffusion.md\` → \`E07-81d6173/claude/negative prompting.md\`
		- \`c9\`
		  - links to itself: \`E10-065006d/edge-adjacent_same_title_conv/summary.md\`
		- \`fence-1\`
		  - missing exchange: before fence
		  - missing exchange: after fence
		- \`hostile-1\`
		  - missing exchange: \\<script\\>alert(5)\\</script\\>

		## Titles used in several conversations

		- one exchange: 2 conversations (\`hand/glued one exchange.md\`)

		## Files holding several documents

		- \`E10-065006d/oai_x2/entropy (regenerated).md\`: 2 documents
		- \`E10-065006d/oai_x2/entropy.md\`: 2 documents
		- \`E10-065006d/oai_x2/relate entropy to the arrow of time.md\`: 2 documents
		- \`hand/glued one exchange.md\`: 2 documents

		## Diagnostics

		### appended-document (4)

		- \`E10-065006d/oai_x2/entropy (regenerated).md:35\`: This file holds another whole document appended by the generator.
		- \`E10-065006d/oai_x2/entropy.md:28\`: This file holds another whole document appended by the generator.
		- \`E10-065006d/oai_x2/relate entropy to the arrow of time.md:28\`: This file holds another whole document appended by the generator.
		- \`hand/glued one exchange.md:18\`: This file holds another whole document appended by the generator.

		### frontmatter-language (2)

		- \`hand/coffee frontmatter.md:1\`: Front matter marked as "coffee" was not read: only YAML and JSON are, and note text is never run.
		- \`hand/javascript frontmatter.md:1\`: Front matter marked as "js" was not read: only YAML and JSON are, and note text is never run.

		### code-fence-unclosed (1)

		- \`hand/unclosed code fence.md:16\`: A code block is never closed; it was ended at the next message or footer.

		### date-invalid (1)

		- \`hand/dates garbage.md:1\`: The date "next tuesday-ish" could not be read.

		### frontmatter-unclosed (1)

		- \`hand/unclosed frontmatter.md:1\`: The front matter never closes with ---; the file was read as body text.

		### tags-invalid (1)

		- \`hand/tags repeated and nested.md:1\`: Some tags are not plain text and were skipped.

		### title-unlinkable (1)

		- \`hand/hostile title.md:1\`: The title holds # ^ \\| \\[ or \\], so a link written with it points elsewhere in Obsidian.

		### yaml-invalid (1)

		- \`hand/invalid yaml title.md:3\`: Invalid front matter (can not read a block mapping entry; a multiline key may not be an implicit key); title, date and tags were read line by line instead.

		## Most-linked unresolved targets

		1. \\<img src=x onerror=alert(4)\\>: 1 note
		1. \\<script\\>alert(5)\\</script\\>: 1 note
		1. a b c: 1 note
		1. a real link: 1 note
		1. after fence: 1 note
		"
	`);
});

test("note text cannot inject Markdown links or HTML into the report", () => {
	const index = indexOf(["hand"]);
	const markdown = renderReportMarkdown(buildVaultReport(index));
	// Every < that came from a note is escaped, so Markdown renders it as text.
	expect(markdown).not.toMatch(/(^|[^\\])<(script|img)/m);
	expect(markdown).toContain("\\<img src=x onerror=alert(4)\\>");
	expect(markdown).toContain("\\<script\\>alert(5)\\</script\\>");
});

test("lists are in one machine-independent order (UTF-16 code units), not the locale's", () => {
	const index = new ThreadIndex();
	const note = (title: string, conversation: string): string =>
		`---\ntitle: ${title}\ntags:\n  - autogenerated\n  - conversation_id__${conversation}\n---\n**USER**\n\nhi\n`;
	for (const [title, ids] of [["alpha", ["c1", "c2"]], ["Zeta", ["c3", "c4"]], ["éclair", ["c5", "c6"]]] as const) {
		ids.forEach((id, i) => index.set(`${id}/${title} ${i}.md`, note(title, id)));
	}
	const report = buildVaultReport(index, { longestThreads: 10, unresolved: 5 });
	// A locale-aware sort would give alpha, éclair, Zeta on most machines.
	expect(report.duplicateTitles.map((d) => d.title)).toEqual(["Zeta", "alpha", "éclair"]);
	expect(report.longestThreads.map((t) => t.id)).toEqual(["c1", "c2", "c3", "c4", "c5", "c6"]);
});
