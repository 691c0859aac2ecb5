import { defineMiddlewares } from "@medusajs/framework/http"
import { adminOmsBinsMiddlewares } from "./admin/oms/bins/middlewares"
import { adminOmsLocationsMiddlewares } from "./admin/oms/locations/middlewares"
import { adminOmsOrdersMiddlewares } from "./admin/oms/orders/middlewares"
import { adminOmsRoutingMiddlewares } from "./admin/oms/routing/middlewares"
import { adminOmsRuleSetsMiddlewares } from "./admin/oms/rule-sets/middlewares"
import { adminOmsSimulationsMiddlewares } from "./admin/oms/simulations/middlewares"
import { adminOmsWavesMiddlewares } from "./admin/oms/waves/middlewares"
import { hooksOmsMiddlewares } from "./hooks/oms/middlewares"
import { adminOmsLabelTrackingMiddlewares } from "./admin/oms/labels/[id]/tracking/middlewares"
import { adminOmsCarrierAccountsMiddlewares } from "./admin/oms/carrier-accounts/middlewares"
import { adminOmsOrderLabelsMiddlewares } from "./admin/oms/orders/[id]/labels/middlewares"
import { adminOmsDocumentsMiddlewares } from "./admin/oms/documents/middlewares"
import { adminOmsDocumentSettingsMiddlewares } from "./admin/oms/document-settings/middlewares"
import { adminOmsMessagesMiddlewares } from "./admin/oms/messages/middlewares"
import { storeOmsDocumentsMiddlewares } from "./store/oms/documents/middlewares"
import { storeOmsOrderDocumentsMiddlewares } from "./store/oms/orders/[id]/documents/middlewares"
import { storeOmsReturnsMiddlewares } from "./store/oms/middlewares"
import { storeReturnsGateMiddlewares } from "./store/returns/middlewares"
import { adminOmsOrderReturnsMiddlewares } from "./admin/oms/orders/[id]/returns/middlewares"
import { adminOmsReturnPoliciesMiddlewares } from "./admin/oms/return-policies/middlewares"
import { adminOmsReturnsMiddlewares } from "./admin/oms/returns/middlewares"
import { adminOmsReturnStatsMiddlewares } from "./admin/oms/returns/stats/middlewares"
import { adminOmsReturnResolveMiddlewares } from "./admin/oms/returns/[id]/resolve/middlewares"
import { adminOmsCustomersMiddlewares } from "./admin/oms/customers/middlewares"
import { storeOmsStoreCreditMiddlewares } from "./store/oms/store-credit/middlewares"
import { storeOmsCartsMiddlewares } from "./store/oms/carts/middlewares"
import { adminOmsMetricsMiddlewares } from "./admin/oms/metrics/middlewares"

// Each route folder keeps its own middlewares; they are merged here, as Medusa does.
export default defineMiddlewares({
  routes: [
    ...adminOmsLocationsMiddlewares,
    ...adminOmsRuleSetsMiddlewares,
    ...adminOmsOrdersMiddlewares,
    ...adminOmsRoutingMiddlewares,
    ...adminOmsSimulationsMiddlewares,
    ...adminOmsBinsMiddlewares,
    ...adminOmsWavesMiddlewares,
    ...hooksOmsMiddlewares,
    ...adminOmsLabelTrackingMiddlewares,
    ...adminOmsCarrierAccountsMiddlewares,
    ...adminOmsOrderLabelsMiddlewares,
    ...adminOmsDocumentsMiddlewares,
    ...adminOmsDocumentSettingsMiddlewares,
    ...adminOmsMessagesMiddlewares,
    ...storeOmsDocumentsMiddlewares,
    ...storeOmsOrderDocumentsMiddlewares,
    ...storeOmsReturnsMiddlewares,
    ...storeReturnsGateMiddlewares,
    ...adminOmsOrderReturnsMiddlewares,
    ...adminOmsReturnPoliciesMiddlewares,
    ...adminOmsReturnsMiddlewares,
    ...adminOmsReturnStatsMiddlewares,
    ...adminOmsReturnResolveMiddlewares,
    ...adminOmsCustomersMiddlewares,
    ...storeOmsStoreCreditMiddlewares,
    ...storeOmsCartsMiddlewares,
    ...adminOmsMetricsMiddlewares,
  ],
})
