/**
 * Offline checks of the add-in manifest against the production build in dist/.
 * `npm run validate` asks Microsoft's online validator; these checks run anywhere and cover what we rely on:
 * schema element order, ids, resources, the shared runtime, URLs, icons and the custom-functions namespace.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement, Document as XmlDocument } from '@xmldom/xmldom';
import { PNG } from 'pngjs';

const root = path.resolve(__dirname, '../..');
const dist = path.join(root, 'dist');
const DEV_BASE = 'https://localhost:3000/';

export function parseXml(xml: string): XmlDocument {
  const problems: string[] = [];
  let doc: XmlDocument | undefined;
  try {
    doc = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(xml, 'text/xml');
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (problems.length > 0 || !doc) throw new Error(`manifest is not well-formed XML: ${problems.join('; ')}`);
  return doc;
}

function childElements(element: XmlElement): XmlElement[] {
  const children: XmlElement[] = [];
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) children.push(node as XmlElement);
  }
  return children;
}

function allElements(doc: XmlDocument): XmlElement[] {
  return Array.from(doc.getElementsByTagName('*')) as XmlElement[];
}

function localNames(element: XmlElement): string[] {
  return childElements(element).map((child) => child.localName ?? child.nodeName);
}

/** The names must appear in `order` (each optional, none repeated out of place): the schema's xs:sequence. */
export function isInSchemaOrder(names: readonly string[], order: readonly string[]): boolean {
  let position = 0;
  for (const name of names) {
    const index = order.indexOf(name, position);
    if (index < 0) return false;
    position = index;
  }
  return true;
}

function first(doc: XmlDocument | XmlElement, localName: string): XmlElement {
  const found = Array.from(doc.getElementsByTagName('*')).find((e) => (e as XmlElement).localName === localName);
  if (!found) throw new Error(`manifest has no <${localName}>`);
  return found as XmlElement;
}

function resourceMap(doc: XmlDocument): Map<string, { kind: string; value: string }> {
  const resources = new Map<string, { kind: string; value: string }>();
  for (const element of allElements(doc)) {
    const kind = element.localName ?? '';
    if (['Image', 'Url', 'String'].includes(kind) && element.getAttribute('id')) {
      resources.set(element.getAttribute('id') as string, { kind, value: element.getAttribute('DefaultValue') ?? '' });
    }
  }
  return resources;
}

/** Maps a manifest URL to the file in dist/ that serves it. */
function distFileFor(url: string): string {
  if (!url.startsWith(DEV_BASE)) throw new Error(`URL ${url} is not under ${DEV_BASE}`);
  return path.join(dist, url.slice(DEV_BASE.length).split(/[?#]/)[0] as string);
}

function pngSize(file: string): { width: number; height: number } {
  const png = PNG.sync.read(readFileSync(file));
  return { width: png.width, height: png.height };
}

/** Excel's rules for a custom-functions namespace: starts with a letter; letters, digits and periods; ≤ 32 characters. */
export function isValidNamespace(namespace: string): boolean {
  return /^[A-Za-z][A-Za-z0-9.]{0,31}$/.test(namespace) && !/^[A-Za-z]{1,3}[0-9]+$/.test(namespace);
}

const manifests = {
  source: path.join(root, 'manifest.xml'),
  production: path.join(dist, 'manifest.xml'),
  development: path.join(dist, 'manifest.dev.xml'),
};

describe('manifest.xml', () => {
  const xml = readFileSync(manifests.source, 'utf8');
  const doc = parseXml(xml);

  test('is well-formed XML (and a broken copy is reported as such)', () => {
    expect(doc.documentElement?.localName).toBe('OfficeApp');
    expect(() => parseXml(xml.replace('</Hosts>', ''))).toThrow(/well-formed/);
  });

  test('keeps the element order the OfficeApp schema requires', () => {
    const officeAppOrder = [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'AllowSnapshot',
      'VersionOverrides',
    ];
    expect(localNames(doc.documentElement as XmlElement)).toEqual(
      officeAppOrder.filter((name) => localNames(doc.documentElement as XmlElement).includes(name)),
    );
    const sequences: Record<string, string[]> = {
      VersionOverrides: ['Description', 'Requirements', 'Hosts', 'Resources'],
      DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
      Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
      Control: ['Label', 'Supertip', 'Icon', 'Action'],
      Supertip: ['Title', 'Description'],
      Group: ['Label', 'Icon', 'Control'],
      Action: ['TaskpaneId', 'SourceLocation', 'Title'],
    };
    for (const element of allElements(doc)) {
      const order = sequences[element.localName ?? ''];
      if (order)
        expect({ element: element.localName, ok: isInSchemaOrder(localNames(element), order) }).toEqual({
          element: element.localName,
          ok: true,
        });
    }
    // The shared runtime needs <Runtimes> right after <Host>, before any form factor.
    const host = first(first(doc, 'VersionOverrides'), 'Host');
    expect(localNames(host)[0]).toBe('Runtimes');
    const customFunctions = allElements(doc).find(
      (e) => e.getAttribute('xsi:type') === 'CustomFunctions',
    ) as XmlElement;
    expect(localNames(customFunctions)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
  });

  test('the order check rejects a misplaced element', () => {
    expect(isInSchemaOrder(['Id', 'Version', 'DisplayName'], ['Id', 'Version', 'DisplayName'])).toBe(true);
    expect(isInSchemaOrder(['Version', 'Id'], ['Id', 'Version'])).toBe(false);
  });

  test('has a GUID Id, a four-part version and asks only for ReadWriteDocument', () => {
    expect(first(doc, 'Id').textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(first(doc, 'Version').textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(first(doc, 'Permissions').textContent).toBe('ReadWriteDocument');
  });

  test('the version matches package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(first(doc, 'Version').textContent).toBe(`${version}.0`);
  });

  test('requires SharedRuntime 1.1', () => {
    const sets = allElements(doc).filter((e) => e.localName === 'Set');
    expect(sets.map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toContainEqual([
      'SharedRuntime',
      '1.1',
    ]);
  });

  test('defines every resid it references', () => {
    const resources = resourceMap(doc);
    const referenced = allElements(doc)
      .map((e) => e.getAttribute('resid'))
      .filter((id): id is string => Boolean(id));
    expect(referenced.length).toBeGreaterThan(10);
    expect(referenced.filter((id) => !resources.has(id))).toEqual([]);
  });

  test('uses one resid for the Runtime, the CustomFunctions Page and the FunctionFile (shared runtime)', () => {
    const runtime = first(doc, 'Runtime');
    expect(runtime.getAttribute('lifetime')).toBe('long');
    const customFunctions = allElements(doc).find(
      (e) => e.getAttribute('xsi:type') === 'CustomFunctions',
    ) as XmlElement;
    const page = first(first(customFunctions, 'Page'), 'SourceLocation');
    const functionFile = first(doc, 'FunctionFile');
    const showTaskpane = first(
      allElements(doc).find((e) => e.getAttribute('xsi:type') === 'ShowTaskpane') as XmlElement,
      'SourceLocation',
    );
    const resid = runtime.getAttribute('resid');
    expect([
      page.getAttribute('resid'),
      functionFile.getAttribute('resid'),
      showTaskpane.getAttribute('resid'),
    ]).toEqual([resid, resid, resid]);
  });

  test('uses the CRM namespace, valid by Excel rules', () => {
    const namespaceResid = first(doc, 'Namespace').getAttribute('resid') as string;
    const namespace = resourceMap(doc).get(namespaceResid)?.value ?? '';
    expect(namespace).toBe('CRM');
    expect(isValidNamespace(namespace)).toBe(true);
    expect(isValidNamespace('CRM-DEV')).toBe(false);
    expect(isValidNamespace('ABC123')).toBe(false); // a cell reference
  });

  test('overrides the display name, description and button labels for zh-CN', () => {
    for (const name of ['DisplayName', 'Description']) {
      const override = first(first(doc, name), 'Override');
      expect(override.getAttribute('Locale')).toBe('zh-CN');
      expect(override.getAttribute('Value')).toMatch(/[\u4e00-\u9fff]/);
    }
    const strings = allElements(doc).filter((e) => e.localName === 'String');
    for (const id of ['Group.Label', 'OpenPane.Label', 'OpenPane.Tooltip']) {
      const element = strings.find((s) => s.getAttribute('id') === id) as XmlElement;
      expect(first(element, 'Override').getAttribute('Value')).toMatch(/[\u4e00-\u9fff]/);
    }
    const metadataUrl = allElements(doc).find((e) => e.getAttribute('id') === 'Functions.Metadata.Url') as XmlElement;
    expect(first(metadataUrl, 'Override').getAttribute('Value')).toMatch(/functions\.zh-CN\.json$/);
  });

  describe('against the production build', () => {
    beforeAll(() => {
      if (!existsSync(path.join(dist, 'taskpane.html'))) throw new Error('dist/ is missing: run `npm run build` first');
    });

    test('every URL points to a file the build emits', () => {
      const urls = [
        ...Array.from(resourceMap(doc).values())
          .filter((r) => r.kind !== 'String')
          .map((r) => r.value),
        ...allElements(doc)
          .filter((e) =>
            ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation'].includes(e.localName ?? ''),
          )
          .map((e) => e.getAttribute('DefaultValue'))
          .filter((v): v is string => Boolean(v)),
        ...allElements(doc)
          .filter((e) => e.localName === 'Override' && (e.getAttribute('Value') ?? '').startsWith('https://'))
          .map((e) => e.getAttribute('Value') as string),
      ];
      expect(urls.length).toBeGreaterThan(12);
      expect(urls.filter((url) => !existsSync(distFileFor(url)))).toEqual([]);
    });

    test('every icon exists at its declared pixel size', () => {
      const resources = resourceMap(doc);
      const declared: [string, number][] = [
        [first(doc, 'IconUrl').getAttribute('DefaultValue') as string, 32],
        [first(doc, 'HighResolutionIconUrl').getAttribute('DefaultValue') as string, 64],
      ];
      for (const image of allElements(doc).filter((e) => e.localName === 'Image' && e.getAttribute('size'))) {
        declared.push([
          resources.get(image.getAttribute('resid') as string)?.value ?? '',
          Number(image.getAttribute('size')),
        ]);
      }
      expect(declared.length).toBeGreaterThanOrEqual(18);
      for (const [url, size] of declared) {
        expect({ url, ...pngSize(distFileFor(url)) }).toEqual({ url, width: size, height: size });
      }
    });

    test('the built manifests: production keeps CRM, development uses CRMDEV and its own Id', () => {
      const production = parseXml(readFileSync(manifests.production, 'utf8'));
      const development = parseXml(readFileSync(manifests.development, 'utf8'));
      const namespaceOf = (d: XmlDocument) => resourceMap(d).get('Functions.Namespace')?.value;
      expect(namespaceOf(production)).toBe('CRM');
      expect(namespaceOf(development)).toBe('CRMDEV');
      expect(isValidNamespace('CRMDEV')).toBe(true);
      expect(first(development, 'Id').textContent).not.toBe(first(production, 'Id').textContent);
    });

    test('function ids in functions.json follow Excel naming rules', () => {
      const metadata = JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8')) as {
        functions: { id: string; name: string }[];
      };
      expect(metadata.functions.length).toBeGreaterThan(10);
      for (const fn of metadata.functions) {
        expect({ id: fn.id, ok: /^[A-Z][A-Z0-9_.]{2,}$/.test(fn.id) && !/^[A-Z]{1,3}[0-9]+$/.test(fn.id) }).toEqual({
          id: fn.id,
          ok: true,
        });
      }
    });
  });
});
