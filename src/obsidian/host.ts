// What the panel, the commands and the status bar need from the plugin (kept small so they never hold the plugin's
// internals, and tests can see the whole surface).
import type { App } from "obsidian";
import type { ConversationThreadsSettings } from "./settings";
import type { PositionHint } from "./thread-view-model";
import type { VaultIndexer } from "./vault-indexer";

export const VIEW_TYPE = "conversation-threads-panel";

export interface PanelHost {
	readonly app: App;
	readonly indexer: VaultIndexer;
	readonly settings: ConversationThreadsSettings;
	/** The thread position the user last navigated to (a merged note stands at several places). */
	readonly hint: PositionHint | null;
	/** Open a vault file; `hint` remembers which of its thread positions the user went to. */
	openPath(path: string, newLeaf: boolean | "tab" | "split" | "window", hint?: PositionHint | null): Promise<void>;
	/** Open the note a link target resolves to, or create it in the new-note folder with `content` (optionally asking first). */
	openOrCreate(target: string, sourcePath: string, ask: boolean, newLeaf: boolean | "tab" | "split" | "window", content?: string): Promise<void>;
	/** Show the thread panel in the right sidebar. */
	activateView(): Promise<void>;
}
