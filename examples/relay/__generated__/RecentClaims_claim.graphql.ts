/**
 * @generated SignedSource<<797d4e1b80469f1435bb6dfe8e8821cb>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type RecentClaims_claim$data = {
  readonly grade: {
    readonly confidence: number | null | undefined;
    readonly credibility: number | null | undefined;
  };
  readonly key: string;
  readonly saidAt: any;
  readonly text: string;
  readonly " $fragmentType": "RecentClaims_claim";
};
export type RecentClaims_claim$key = {
  readonly " $data"?: RecentClaims_claim$data;
  readonly " $fragmentSpreads": FragmentRefs<"RecentClaims_claim">;
};

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": null,
  "name": "RecentClaims_claim",
  "selections": [
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "key",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "text",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "kind": "ScalarField",
      "name": "saidAt",
      "storageKey": null
    },
    {
      "alias": null,
      "args": null,
      "concreteType": "Grade",
      "kind": "LinkedField",
      "name": "grade",
      "plural": false,
      "selections": [
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "credibility",
          "storageKey": null
        },
        {
          "alias": null,
          "args": null,
          "kind": "ScalarField",
          "name": "confidence",
          "storageKey": null
        }
      ],
      "storageKey": null
    }
  ],
  "type": "Claim",
  "abstractKey": null
};

(node as any).hash = "4d83cc01333da849ff6cfd0e147dd085";

export default node;
