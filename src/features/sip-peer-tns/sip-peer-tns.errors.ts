import { defineError as e } from '../../platform/http/api-error.js';

export const PeerTnErrors = {
  peerTnRequired: e(400, 13505, 'Full number is required'),
  peerTnDuplicate: e(400, 13511, "Duplicate telephone number '%s' provided"),
  peerTnInvalid: e(400, 13512, "'%s' is not a valid 10-digit telephone number"),
  peerTnCallForwardInvalid: e(
    400,
    13513,
    "Call Forwarding number '%s' is not a valid 10-digit telephone number",
  ),
  peerTnNumberFormatInvalid: e(400, 13514, "Number Format '%s' is invalid for telephone number '%s'"),
  peerTnRewriteUserInvalid: e(400, 13515, "Rewrite User '%s' is invalid for telephone number '%s'"),
  peerTnRpidFormatInvalid: e(400, 13516, "RPID Format '%s' is invalid for telephone number '%s'"),
  peerTnNotExists: e(400, 13517, "Telephone number '%s' does not exist"),
  peerTnNotInService: e(400, 13518, "Telephone number '%s' is not in service"),
  peerTnNotOnAccount: e(400, 13520, "Telephone number '%s' is not on account"),
  peerTnNotOnPeer: e(
    400,
    13536,
    'Telephone number %s does not exist on Account %s, Site %s, and Sip Peer %s',
  ),
  peerTnCallingNameInvalid: e(
    400,
    13575,
    "CallingNameDisplay '%s' is invalid. Valid values are: 'true', 'false'",
  ),
  externalSmsOnly: e(400, 5128, 'Only SMS attribute can be changed for External telephone number(s).'),
  peerTnSmsInvalid: e(400, 13575, "SmsEnabled '%s' is invalid. Valid values are: 'true', 'false'"),
} as const;
