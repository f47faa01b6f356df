// Builds the add-in (functions, task pane, commands, demo) for the browser and the command line for Node.
// The production build needs no certificates; only the dev server asks office-addin-dev-certs for https.
const path = require('path');
const fs = require('fs');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { buildManifests } = require('./scripts/manifests.js');
const packageJson = require('./package.json');

const DEV_URL = 'https://localhost:3000/';
const devServerPort = packageJson.config.dev_server_port;

/**
 * Writes functions.json and functions.zh-CN.json from the functions' own declarations (defineFunction in
 * src/functions), which Microsoft documents as hand-written custom-function metadata: ids, parameter order and
 * optionality come from the code that Excel calls, so they cannot drift. tsx loads the TypeScript here.
 */
class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionsMetadataPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const { require: tsRequire } = require('tsx/cjs/api');
          const metadataModule = path.resolve(__dirname, 'src/functions/functionsMetadata.ts');
          const { buildFunctionsMetadata } = tsRequire(metadataModule, __filename);
          for (const [language, file] of [
            ['en', 'functions.json'],
            ['zh', 'functions.zh-CN.json'],
          ]) {
            const metadata = buildFunctionsMetadata(language, `${DEV_URL}docs/`);
            compilation.emitAsset(file, new webpack.sources.RawSource(JSON.stringify(metadata, null, 2)));
          }
        },
      );
    });
  }
}

/**
 * Publishes the function reference that Excel's "Help on this function" links open: docs/functions*.md as
 * dist/docs/functions*.html (heading ids as GitHub makes them, so `#crmclv` works in both places), and points
 * every helpUrl of the generated metadata at the deployment URL.
 */
class FunctionDocsPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FunctionDocsPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FunctionDocsPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const { Marked } = require('marked');
          const { gfmHeadingId } = require('marked-gfm-heading-id');
          const pages = [
            { file: 'functions.md', lang: 'en', title: 'CRM functions reference' },
            { file: 'functions.zh-CN.md', lang: 'zh-CN', title: 'CRM 函数参考' },
          ];
          for (const page of pages) {
            const markdown = fs.readFileSync(path.resolve(__dirname, 'docs', page.file), 'utf8');
            const marked = new Marked(gfmHeadingId(), {
              // Links between the two reference pages follow them to their HTML copies.
              walkTokens(token) {
                if (token.type === 'link' && /^[\w.-]+\.md(#.*)?$/.test(token.href)) {
                  token.href = token.href.replace(/\.md(#|$)/, '.html$1');
                }
              },
            });
            const html = [
              '<!doctype html>',
              `<html lang="${page.lang}">`,
              '<head>',
              '<meta charset="utf-8" />',
              '<meta name="viewport" content="width=device-width, initial-scale=1" />',
              `<title>${page.title}</title>`,
              '<style>body{font-family:"Segoe UI","Microsoft YaHei",system-ui,sans-serif;max-width:60rem;margin:2rem auto;' +
                'padding:0 1rem;line-height:1.5;color:#1b1b1b}code{background:#f3f3f3;padding:0 .2em}' +
                'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}</style>',
              '</head>',
              '<body>',
              marked.parse(markdown),
              '</body>',
              '</html>',
            ].join('\n');
            compilation.emitAsset(`docs/${page.file.replace(/\.md$/, '.html')}`, new webpack.sources.RawSource(html));
          }
          for (const name of ['functions.json', 'functions.zh-CN.json']) {
            const asset = compilation.getAsset(name);
            if (!asset) continue;
            const text = asset.source.source().toString().split(`"${DEV_URL}docs/`).join(`"${this.publicUrl}docs/`);
            compilation.updateAsset(name, new webpack.sources.RawSource(text));
          }
        },
      );
    });
  }
}

/** Writes manifest.xml (namespace CRM) and manifest.dev.xml (namespace CRMDEV) with the deployment URL. */
class ManifestPlugin {
  constructor(publicUrl) {
    this.publicUrl = publicUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'ManifestPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = fs.readFileSync(path.resolve(__dirname, 'manifest.xml'), 'utf8');
          const { production, development } = buildManifests(source, { publicUrl: this.publicUrl, devUrl: DEV_URL });
          compilation.emitAsset('manifest.xml', new webpack.sources.RawSource(production));
          compilation.emitAsset('manifest.dev.xml', new webpack.sources.RawSource(development));
        },
      );
    });
  }
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: 'ts-loader', options: { transpileOnly: true } },
};

function browserConfig() {
  const publicUrl = process.env.ADDIN_PUBLIC_URL || DEV_URL;
  return {
    name: 'addin',
    devtool: 'source-map',
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      demo: './src/demo/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        tsRule,
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext]' },
        },
        { test: /\.csv$/, type: 'asset/source' },
      ],
    },
    plugins: [
      new FunctionsMetadataPlugin(),
      new ManifestPlugin(publicUrl),
      new FunctionDocsPlugin(publicUrl),
      new webpack.DefinePlugin({ __ADDIN_VERSION__: JSON.stringify(packageJson.version) }),
      // The task pane page is also the shared runtime: it loads the functions and commands code too.
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane', 'commands', 'functions'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      new HtmlWebpackPlugin({ filename: 'demo.html', template: './src/demo/demo.html', chunks: ['demo'] }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }],
      }),
    ],
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: process.env.PORT || devServerPort,
      server: 'http',
      client: { overlay: false },
    },
  };
}

function cliConfig() {
  return {
    name: 'cli',
    target: 'node20',
    devtool: false,
    entry: { 'crm-analytics': './src/cli/main.ts' },
    output: { path: path.resolve(__dirname, 'dist/cli'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [tsRule] },
    plugins: [
      new webpack.BannerPlugin({ banner: '#!/usr/bin/env node', raw: true, entryOnly: true }),
      {
        // The bin must be executable for `npx crm-analytics` to run it directly.
        apply: (compiler) =>
          compiler.hooks.afterEmit.tap('MakeExecutable', () =>
            fs.chmodSync(path.resolve(__dirname, 'dist/cli/crm-analytics.js'), 0o755),
          ),
      },
    ],
    optimization: { minimize: false },
  };
}

module.exports = async (env) => {
  const browser = browserConfig();
  const serving = Boolean(env && env.WEBPACK_SERVE);
  if (serving && !process.env.DEV_SERVER_HTTP) {
    // Only the dev server needs a trusted localhost certificate (Office refuses plain http add-ins);
    // the production build never asks for one.
    const devCerts = require('office-addin-dev-certs');
    browser.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return serving ? browser : [browser, cliConfig()];
};
