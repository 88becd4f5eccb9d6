// The settings tab. Every change is saved and applied at once; format changes re-index (debounced by the plugin).
// One list of settings (setting-definitions.ts) drives both ways of showing them: Obsidian 1.13+ renders the
// declared list itself, which puts the settings in its settings search; older Obsidian calls display(), which
// draws the same list by hand. Both read and write through getControlValue / setControlValue.
import { PluginSettingTab, Setting, type App, type Plugin, type SettingDefinitionItem } from "obsidian";
import { FolderSuggest } from "./folder-suggest";
import { readSetting, settingChange, settingSections, typedMeansSaved, type SettingKey, type TabControl } from "./setting-definitions";
import type { ConversationThreadsSettings } from "./settings";

export interface SettingsHost {
	readonly settings: ConversationThreadsSettings;
	updateSettings(change: (settings: ConversationThreadsSettings) => void): Promise<void>;
}

export class ConversationThreadsSettingTab extends PluginSettingTab {
	/** What was last typed into each field since the tab was drawn (see getControlValue). */
	private readonly typed = new Map<string, string>();

	constructor(
		app: App,
		plugin: Plugin,
		private readonly host: SettingsHost,
	) {
		super(app, plugin);
	}

	/** Obsidian 1.13+: the settings to render and to index for search. */
	override getSettingDefinitions(): SettingDefinitionItem[] {
		return settingSections();
	}

	/**
	 * Obsidian 1.13+ reads a control's value here (and display() does too): the plugin's settings, not
	 * `plugin.settings[key]`. While the user is typing, the text they typed is given back as long as it still means
	 * the saved value, so that if Obsidian reads the value again mid-edit, a field they emptied stays empty and "see "
	 * on the way to "see also" keeps its space, as in display(); the next drawing of the tab shows the saved values.
	 */
	override getControlValue(key: string): unknown {
		const typed = this.typed.get(key);
		if (typed !== undefined && typedMeansSaved(this.host.settings, key, typed)) return typed;
		return readSetting(this.host.settings, key);
	}

	/** A control's new value, saved and applied through the plugin with the tab's rules (trim, default, clean folder). */
	override async setControlValue(key: string, value: unknown): Promise<void> {
		const change = settingChange(key, value);
		if (change === null) return;
		if (typeof value === "string") this.typed.set(key, value);
		await this.host.updateSettings(change);
	}

	override hide(): void {
		this.typed.clear();
		super.hide();
	}

	/** Obsidian before 1.13: the same settings, drawn by hand (1.13+ renders getSettingDefinitions() instead). */
	override display(): void {
		const { containerEl } = this;
		containerEl.empty();
		this.typed.clear();
		for (const section of settingSections()) {
			new Setting(containerEl).setName(section.heading).setHeading();
			for (const item of section.items) {
				this.drawControl(new Setting(containerEl).setName(item.name).setDesc(item.desc), item.control);
			}
		}
	}

	private drawControl(setting: Setting, control: TabControl): void {
		const key: SettingKey = control.key;
		const value = this.getControlValue(key);
		const save = (next: unknown) => this.setControlValue(key, next);
		switch (control.type) {
			case "text":
				setting.addText((text) =>
					text
						.setPlaceholder(control.placeholder ?? "")
						.setValue(typeof value === "string" ? value : "")
						.onChange(save),
				);
				return;
			case "folder":
				setting.addText((text) => {
					text.setPlaceholder(control.placeholder ?? "").setValue(typeof value === "string" ? value : "").onChange(save);
					new FolderSuggest(this.app, text.inputEl, (path) => void save(path));
				});
				return;
			case "dropdown":
				setting.addDropdown((dropdown) => {
					for (const [option, label] of Object.entries(control.options)) dropdown.addOption(option, label);
					dropdown.setValue(typeof value === "string" ? value : "").onChange(save);
				});
				return;
			case "toggle":
				setting.addToggle((toggle) => toggle.setValue(value === true).onChange(save));
				return;
			default: {
				// A control kind added to TabControl must be drawn here too, or this stops compiling.
				const unhandled: never = control;
				return unhandled;
			}
		}
	}
}
