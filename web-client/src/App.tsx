import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { EditActionPage, NewActionPage } from './features/actions/ActionFormPages';
import { MyActionsPage, SectionActionsPage } from './features/actions/ActionLists';
import { ActionPage } from './features/actions/ActionPage';
import { ConfirmSignupPage } from './features/actions/ConfirmSignupPage';
import { NearbyActionsPage } from './features/actions/NearbyActionsPage';
import { OutboxPage } from './features/actions/OutboxPage';
import { AuthProvider } from './features/auth/AuthContext';
import { RequireAuth } from './features/auth/RequireAuth';
import { SignInPage } from './features/auth/SignInPage';
import { FieldReviewPage } from './features/canvass/FieldReviewPage';
import { ReportSync } from './features/canvass/ReportSync';
import { WalkListPage } from './features/canvass/WalkListPage';
import { DelegationsPage } from './features/delegations/DelegationsPage';
import { HomePage } from './features/home/HomePage';
import { ImportsPage } from './features/imports/ImportsPage';
import { Layout, NotFoundPage } from './features/layout/Layout';
import { MapPage } from './features/map/MapPage';
import { MembershipImportPage } from './features/membership/MembershipImportPage';
import { EditMessagePage, NewMessagePage } from './features/messaging/ComposerPages';
import { MailTemplatePage } from './features/messaging/MailTemplatePage';
import { MessagePage } from './features/messaging/MessagePage';
import { MessagesPage } from './features/messaging/MessagesPage';
import { EditSegmentPage, NewSegmentPage } from './features/messaging/SegmentFormPages';
import { SegmentsPage } from './features/messaging/SegmentsPage';
import { UnsubscribePage } from './features/messaging/UnsubscribePage';
import { PersonPage } from './features/people/PersonPage';
import { MyDataPage } from './features/privacy/MyDataPage';
import { ResultsPage } from './features/results/ResultsPage';
import { SectionPage } from './features/sections/SectionPage';
import { ViewerProvider } from './features/viewer/ViewerContext';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <AuthProvider>
      <ViewerProvider>
        <ReportSync />
        {children}
      </ViewerProvider>
    </AuthProvider>
  );
}

function Protected({ children }: { children: ReactNode }) {
  return <RequireAuth>{children}</RequireAuth>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/" element={<Protected><HomePage /></Protected>} />
        <Route path="/sections/:id" element={<Protected><SectionPage /></Protected>} />
        <Route path="/sections/:id/delegations" element={<Protected><DelegationsPage /></Protected>} />
        <Route path="/people/:id" element={<Protected><PersonPage /></Protected>} />
        <Route path="/map" element={<Protected><MapPage /></Protected>} />
        <Route path="/results" element={<Protected><ResultsPage /></Protected>} />
        <Route path="/imports" element={<Protected><ImportsPage /></Protected>} />
        <Route path="/members/import" element={<Protected><MembershipImportPage /></Protected>} />
        {/* Finding an action and joining it are open to anyone: visitors sign up without an account. */}
        <Route path="/actions" element={<NearbyActionsPage />} />
        {/* The link sent to a visitor: confirms their sign-up, without an account. */}
        <Route path="/actions/confirm" element={<ConfirmSignupPage />} />
        <Route path="/actions/:id" element={<ActionPage />} />
        <Route path="/actions/:id/edit" element={<Protected><EditActionPage /></Protected>} />
        <Route path="/sections/:sectionId/actions" element={<Protected><SectionActionsPage /></Protected>} />
        <Route path="/sections/:sectionId/actions/new" element={<Protected><NewActionPage /></Protected>} />
        <Route path="/me/actions" element={<Protected><MyActionsPage /></Protected>} />
        <Route path="/me/data" element={<Protected><MyDataPage /></Protected>} />
        <Route path="/shares/:id" element={<Protected><WalkListPage /></Protected>} />
        <Route path="/review" element={<Protected><FieldReviewPage /></Protected>} />
        <Route path="/outbox" element={<Protected><OutboxPage /></Protected>} />
        <Route path="/messages" element={<Protected><MessagesPage /></Protected>} />
        <Route path="/messages/new" element={<Protected><NewMessagePage /></Protected>} />
        <Route path="/messages/segments" element={<Protected><SegmentsPage /></Protected>} />
        <Route path="/messages/segments/new" element={<Protected><NewSegmentPage /></Protected>} />
        <Route path="/messages/segments/:id/edit" element={<Protected><EditSegmentPage /></Protected>} />
        <Route path="/messages/template" element={<Protected><MailTemplatePage /></Protected>} />
        <Route path="/messages/:id" element={<Protected><MessagePage /></Protected>} />
        <Route path="/messages/:id/edit" element={<Protected><EditMessagePage /></Protected>} />
        {/* A newsletter's unsubscribe link: open to anyone; only its button unsubscribes. */}
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
