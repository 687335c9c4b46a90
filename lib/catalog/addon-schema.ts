import { z } from 'zod';
import { parseConstraint } from '../model/semver';
import { RELEASES } from '../model/releases';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9 and single dashes)');
const prose = (min: number) =>
  z.string().trim().min(min, `must be at least ${min} characters`).max(1500, 'must be at most 1500 characters');

/** An image repository without tag or digest: `registry.k8s.io/ingress-nginx/controller`. */
const imageRepository = z
  .string()
  .regex(/^[a-z0-9.-]+(?::\d+)?\/[a-z0-9._/-]+$/, 'must be registry/path, without a tag or digest');

/** One release's supported versions of an add-on, with where the project says so and what was read there. */
const supportSchema = z.strictObject({
  kubernetes: z.enum(RELEASES),
  versions: z
    .string()
    .refine((v) => parseConstraint(v) !== undefined, 'must be a version range such as >=1.3.0 <1.9.0'),
  source: z.url({ protocol: /^https$/, error: 'must be an https URL' }),
  /** The row or line of the source this range was read from, in our words. */
  checked: prose(10),
  /**
   * `statement`: the project states which releases support this minor. It states none, and the range is either
   * `reference`, what a reference installer or bundle pairs with the minor (kubeadm's CoreDNS), or `derived`, read
   * off the project's support policy or the first release whose own manifests work on the minor. Outside a range
   * that is not a statement is worth a look, not a known break.
   */
  basis: z.enum(['statement', 'reference', 'derived']).default('statement'),
});

/**
 * A widely used add-on: how to recognise it in a cluster or a repository (images, mirrors included; labels; Helm
 * charts), where its version is read, the versions that support each release with a source for each, what breaks
 * outside them and what to do, in our own words.
 */
export const addonSchema = z
  .strictObject({
    id: slug,
    name: z.string().trim().min(3).max(120),
    category: slug,
    homepage: z.url({ protocol: /^https$/ }),
    recognise: z.strictObject({
      images: z.array(imageRepository).min(1),
      /**
       * Label selectors, each matching when every one of its labels is on the workload or its pod template. Used
       * only when no image and no chart names the add-on (a private build), so each must be specific to it.
       */
      labels: z
        .array(
          z
            .record(z.string().min(1), z.string().min(1))
            .refine((selector) => Object.keys(selector).length > 0, 'a label selector needs at least one label'),
        )
        .default([]),
      charts: z.array(slug).default([]),
    }),
    version: z.strictObject({
      /** The image tag is the release; or the Helm chart's appVersion is. */
      from: z.enum(['image-tag', 'app-version']),
      note: prose(10),
    }),
    support: z.array(supportSchema).min(1),
    outside: prose(40),
    advice: prose(40),
  })
  .superRefine((a, ctx) => {
    for (const release of RELEASES) {
      if (a.support.filter((s) => s.kubernetes === release).length > 1) {
        ctx.addIssue({ code: 'custom', path: ['support'], message: `lists ${release} twice` });
      }
    }
  });
export type Addon = z.output<typeof addonSchema>;
