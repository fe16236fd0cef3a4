/**
 * The manifest as autodocs should show it. The analyzer also lists private and protected members, and
 * Storybook's web-components docs would list them as properties; only the public surface is kept.
 */
interface Member {
  kind?: string;
  privacy?: string;
  static?: boolean;
}

interface Declaration {
  members?: Member[];
  [key: string]: unknown;
}

interface Manifest {
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

const isPublic = (member: Member) => (member.privacy === undefined || member.privacy === 'public') && !member.static;

export function publicSurface<T extends Manifest>(manifest: T): T {
  return {
    ...manifest,
    modules: manifest.modules.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) =>
        declaration.members ? { ...declaration, members: declaration.members.filter(isPublic) } : declaration,
      ),
    })),
  };
}
