export interface PublishedManifest {
  /** Absolute path of the package folder in the workspace. */
  readonly dir: string;
  readonly manifest: {
    readonly name: string;
    readonly private?: boolean;
    readonly dependencies?: Readonly<Record<string, string>>;
  };
}

export function publishedManifests(repoRoot: string): PublishedManifest[];
