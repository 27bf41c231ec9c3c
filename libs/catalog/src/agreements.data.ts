/**
 * The agreements a new shop starts with, each in Chinese and English in one body (the
 * Chinese text governs). Data: admins publish new versions later; the seed never edits one.
 */
export interface AgreementSeed {
  kind: 'service' | 'supplement_400';
  title: string;
  body: string;
}

const SERVICE_BODY = `号码 400 服务协议（第 1 版）

一、协议双方
本协议由号码（“我方”）与在本平台注册并下单的企业（“客户”）订立。客户签署即表示已阅读并同意全部条款。

二、服务内容
我方为客户开通所选 400 号码（全国统一服务号码），并按客户选择的套餐及功能提供来电接续服务。号码开通以运营商审核通过为准。

三、费用
1. 选号费为一次性费用，按号码等级收取。
2. 套餐按年预付，首年费用于下单时支付；套餐期限为最低合作期限，其后每年续费。
3. 功能按年计费，与套餐同期续费。
4. 订单金额以平台在签署时计算并展示的价格明细为准。

四、客户义务
1. 按时付款，并在付款后规定期限内提交真实、完整的实名认证材料。
2. 遵守《400 业务补充协议》。
3. 妥善保管账户，对账户下的操作负责。

五、号码保留、取消与退款
1. 付款前号码仅为临时保留，保留期满未付款的，号码自动释放。
2. 付款前客户可随时取消订单。付款后、开通前取消的，按退款政策退还已付款项。
3. 因客户未按期提交材料或材料不实导致订单取消的，选号费不予退还。

六、停机与销户
客户实名信息未通过核验或监管部门要求时，我方将暂停服务（停机）；停机满 90 日未恢复的，号码注销（销户）。

七、协议变更
我方发布新版协议不影响客户已签署的版本；续约或新订单适用届时的最新版本。

八、法律适用与争议解决
本协议适用中华人民共和国法律。争议协商不成的，提交我方所在地有管辖权的人民法院诉讼解决。

——

Haoma 400 Service Agreement (version 1)

1. Parties
This agreement is between Haoma ("we") and the business that registered on this platform and places an order ("the customer"). By signing, the customer confirms it has read and accepts every clause.

2. The service
We open the chosen 400 number (a nationwide service number) for the customer and connect its incoming calls under the plan and features the customer chose. The number is activated once the carrier has approved it.

3. Fees
(1) The selection fee is paid once and depends on the grade of the number.
(2) Plans are prepaid annually: the first year is paid with the order; the plan's term is the minimum commitment, renewed yearly after it.
(3) Features are billed annually and renew with the plan.
(4) The order amount is the price breakdown the platform computed and showed at signing.

4. The customer's obligations
(1) Pay on time, and submit true and complete real-name verification documents within the period set after payment.
(2) Comply with the 400 Supplement Agreement.
(3) Keep its account secure; it is responsible for what is done with it.

5. Holds, cancellation and refunds
(1) Before payment a number is only held for a limited time; an unpaid hold ends on its own and the number is released.
(2) The customer may cancel at any time before payment. A cancellation after payment and before activation is refunded under the refund policy.
(3) The selection fee is not refunded when an order is cancelled because the customer did not submit documents in time or submitted untrue documents.

6. Suspension and termination
If the customer's real-name data cannot be verified, or a regulator so orders, we suspend the service; a number suspended for 90 days without being restored is terminated.

7. Changes
A new version of this agreement never changes the version the customer signed; renewals and new orders follow the version current at that time.

8. Law and disputes
This agreement is governed by the laws of the People's Republic of China. Disputes not settled by negotiation go to the competent people's court where we are located.
`;

const SUPPLEMENT_BODY = `400 业务补充协议（第 1 版）

客户作为 400 号码使用人，在《号码 400 服务协议》之外作出以下承诺：

一、实名信息真实
客户提交的营业执照（统一社会信用代码）、法定代表人及经办人身份证件、联系方式等实名认证材料真实、准确、完整、有效；信息变更时在 30 日内更新。客户知悉：实名信息不实或未通过核验的，号码将被停机，停机满 90 日将被销户。

二、合法使用
客户仅将 400 号码用于其合法经营活动的客户服务与咨询，不得用于电信网络诈骗、骚扰、传播违法信息、非法集资、赌博等任何违法违规活动，不得转租、转售或以其他方式交由第三方使用。

三、不得外呼显示 400 号码
400 号码仅用于接听来电。客户不得以任何方式（包括改号软件、语音网关或第三方线路）在外呼时将 400 号码作为主叫号码显示。

四、配合核查
客户配合我方、运营商及监管部门的实名复核与使用情况核查，按要求在期限内重新签署协议或补充材料。

五、违约责任
客户违反本协议的，我方有权立即暂停服务、注销号码且不退还已付费用；由此给我方或第三方造成损失的，由客户承担。

——

400 Supplement Agreement (version 1)

As the user of a 400 number, the customer makes the following commitments in addition to the Haoma 400 Service Agreement:

1. True real-name data
The real-name verification documents the customer submits — business licence (unified social credit code), identity documents of the legal representative and of the person handling the order, contact details — are true, accurate, complete and valid, and the customer updates them within 30 days of any change. The customer knows that a number whose holder's data is untrue or cannot be verified is suspended, and terminated after 90 days of suspension.

2. Lawful use
The customer uses the 400 number only for customer service and enquiries about its lawful business, and never for telecom fraud, harassment, spreading illegal content, illegal fund-raising, gambling or any other unlawful activity; it does not sublet, resell or otherwise let a third party use the number.

3. No outbound calls showing the 400 number
A 400 number receives calls only. The customer never shows the 400 number as the caller ID of an outbound call, by any means (number-changing software, voice gateways or third-party lines included).

4. Checks
The customer cooperates with re-verification and usage checks by us, the carrier and the regulator, and re-signs or supplies documents by the dates it is asked to.

5. Breach
If the customer breaches this agreement we may suspend the service at once and terminate the number without refunding fees paid; the customer bears the losses its breach causes us or third parties.
`;

export const AGREEMENT_SEEDS: readonly AgreementSeed[] = [
  { kind: 'service', title: '号码 400 服务协议 · Haoma 400 Service Agreement', body: SERVICE_BODY },
  {
    kind: 'supplement_400',
    title: '400 业务补充协议 · 400 Supplement Agreement',
    body: SUPPLEMENT_BODY,
  },
];
