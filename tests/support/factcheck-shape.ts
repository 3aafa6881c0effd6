/**
 * The JSON shape of Google's Fact Check Tools API claims:search response, as documented
 * (https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search and
 * the Claim resource, https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims),
 * strict: a field the API does not have fails. Every field is optional there.
 */
import { z } from 'zod';

const Publisher = z.strictObject({ name: z.string().optional(), site: z.string().optional() });
const ClaimReview = z.strictObject({
  publisher: Publisher.optional(),
  url: z.string().url().optional(),
  title: z.string().optional(),
  reviewDate: z.string().datetime().optional(),
  textualRating: z.string().optional(),
  languageCode: z.string().optional(),
});
export const Claim = z.strictObject({
  text: z.string().optional(),
  claimant: z.string().optional(),
  claimDate: z.string().datetime().optional(),
  claimReview: z.array(ClaimReview).optional(),
});
export const SearchResponse = z.strictObject({
  claims: z.array(Claim).optional(),
  nextPageToken: z.string().optional(),
});

/** Google's JSON error body (https://google.aip.dev/193). */
export const ErrorResponse = z.strictObject({
  error: z.strictObject({ code: z.number().int(), message: z.string().min(1), status: z.string().min(1) }),
});
